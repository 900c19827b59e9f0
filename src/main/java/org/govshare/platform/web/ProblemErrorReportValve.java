package org.govshare.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report, for what Tomcat refuses before the platform sees it: a request line it cannot parse, most
 * often a query with raw non-ASCII bytes (a Chinese item name sent without percent-encoding). Instead of Tomcat's
 * HTML page it answers an RFC 9457 problem with a rule, a sentence saying what to do and a correlation id, and
 * never a stack trace. Errors inside the platform never get here: its own error page has written them already.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    static final String MALFORMED = "the request is not valid HTTP: percent-encode every non-ASCII character (such as"
            + " a Chinese item name) and every space in the path and query, names as well as values (curl's"
            + " --data-urlencode encodes only the value), e.g. %E5%A7%93%E5%90%8D=%E5%BC%A0%E4%B8%89 for 姓名=张三";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String correlationId = response.getHeader(CorrelationIdFilter.HEADER);
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
            response.setHeader(CorrelationIdFilter.HEADER, correlationId);
        }
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known != null ? known.getReasonPhrase() : "Error";
        String rule = status == 400 ? "malformed-request" : Problems.slug(reason);
        String detail = status == 400 ? MALFORMED : reason;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:govshare:problem:" + rule);
        problem.put("title", reason);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("errors", List.of(new InvalidInputException.FieldError("request", rule, detail)));
        problem.put("correlationId", correlationId);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more can be said to this caller
        }
    }
}
