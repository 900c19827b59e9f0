package org.govshare.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govshare.audit.AuditTrail;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * RFC 9457 problem details, the same from controllers and from filters: a type naming the rule, the fields and
 * rules broken, and the correlation id under which the refusal is audited.
 */
@Component
public class Problems {

    /** The request attribute in which a refusal's reason is left for {@link RefusalAuditFilter}. */
    public static final String REASON_ATTRIBUTE = Problems.class.getName() + ".reason";

    private final ObjectMapper objectMapper;

    Problems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public ProblemDetail problem(HttpServletRequest request, HttpStatus status, String rule, String detail,
                                 List<? extends InvalidInputException.InputError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:govshare:problem:" + slug(rule)));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        problem.setProperty("correlationId", MDC.get(AuditTrail.CORRELATION_ID));
        request.setAttribute(REASON_ATTRIBUTE, rule + ": " + detail);
        return problem;
    }

    /** A rule name as a URN part: rules written as sentences ("A conditional resource states its conditions (Art. 13)") become kebab case. */
    static String slug(String rule) {
        String slug = rule.replaceAll("\\(Art\\.[^)]*\\)", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "")
                .toLowerCase(java.util.Locale.ROOT);
        return slug.isEmpty() ? "invalid" : slug;
    }

    /** Writes a problem straight to the response, for filters that answer before any controller. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String rule,
                      String detail) throws IOException {
        ProblemDetail problem = problem(request, status, rule, detail, List.of());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
