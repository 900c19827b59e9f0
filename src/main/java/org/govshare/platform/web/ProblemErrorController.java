package org.govshare.platform.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page, in place of Spring Boot's (its {@code {"timestamp","status","error","path"}} body
 * or white-label page): whatever failure or refusal reaches {@code /error}, from a filter, a servlet or an
 * exception no handler took, answers a problem with a rule named after the status and the request's correlation
 * id, a page for a browser. It never shows the exception: that is in the log, under the same correlation id.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final Problems problems;

    ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null && c >= 400
                ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String call = uri == null ? "this request" : request.getMethod() + " " + uri;
        String detail = switch (status) {
            case NOT_FOUND -> "there is nothing at " + call;
            case INTERNAL_SERVER_ERROR -> "the platform failed to answer " + call
                    + "; the failure is logged under this correlation id";
            default -> status.getReasonPhrase() + ": " + call;
        };
        problems.write(request, response, status, Problems.slug(status.getReasonPhrase()), detail);
    }
}
