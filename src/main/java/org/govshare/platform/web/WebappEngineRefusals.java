package org.govshare.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine API the Camunda webapps call ({@code /camunda/api/engine/...}: Tasklist completes tasks and submits
 * forms there) answered like {@code /engine-rest}: it is a JAX-RS application of Camunda's own that takes no mapper
 * of ours, so this filter stands in front of it. Variables pass the door {@link EngineRestVariableTypes} keeps (an
 * object or a list is 400 {@code wrong-type} naming the variable, before the engine sees it); and a completion a
 * listener refused, which Camunda answers with a 500 of its own, is answered as the 400 or 403 problem it is
 * ({@link EngineRefusalsOnTheRequest} leaves the refusal on the request), with Camunda's {@code message} beside it
 * for Tasklist to show; a completion that lost its race to another official's is answered 409 ({@link TaskRaces}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class WebappEngineRefusals extends OncePerRequestFilter {

    private static final String ENGINE_API = "/camunda/api/engine/";
    /**
     * The commands that run a process's listeners and delegates, whose refusals Camunda would answer with a 500;
     * only their answers are held back (queries, Tasklist's most frequent calls, pass straight through).
     */
    private static final Pattern RUNS_LISTENERS = Pattern.compile("/(complete|submit-form|resolve|start|message|signal|trigger)$");

    private final Problems problems;
    private final TaskRaces races;

    WebappEngineRefusals(Problems problems, TaskRaces races) {
        this.problems = problems;
        this.races = races;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith(ENGINE_API) || "GET".equals(request.getMethod()) || request.getContentType() == null
                || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        List<InvalidInputException.FieldError> errors = EngineRestVariableTypes.errorsIn(body);
        if (!errors.isEmpty()) {
            refuse(request, response, new InvalidInputException(errors));
            return;
        }
        if (!RUNS_LISTENERS.matcher(request.getRequestURI()).find()) {
            chain.doFilter(new ReadAgain(request, body), response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(new ReadAgain(request, body), answer);
        RuntimeException refusal = answer.getStatus() >= 500
                ? (RuntimeException) request.getAttribute(EngineRefusalsOnTheRequest.ATTRIBUTE) : null;
        // a lost race first: the loser's command may have failed on anything the winner changed under it
        ConflictException lost = answer.getStatus() >= 400 ? races.lost(request.getRequestURI(),
                (Throwable) request.getAttribute(EngineRefusalsOnTheRequest.FAILURE_ATTRIBUTE)) : null;
        if (refusal != null || lost != null) {
            answer.resetBuffer();
            refuse(request, answer, lost != null ? lost : refusal);
        }
        answer.copyBodyToResponse();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RuntimeException refusal)
            throws IOException {
        ProblemDetail problem = problems.engineRefusal(request, refusal);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problems.json(problem));
        response.getWriter().flush();
    }

    /** The request with its body, already read, to read again. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
