package org.govshare.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govshare.platform.CorrelationId;
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
    /** The request attribute holding the rule a refusal names, which the refusals are counted by in the metrics. */
    public static final String RULE_ATTRIBUTE = Problems.class.getName() + ".rule";
    /** Set on a 404 that hides something the caller may not see: the refusal filter audits it (a plain 404 it does not). */
    public static final String HIDDEN_ATTRIBUTE = Problems.class.getName() + ".hidden";

    /** The request attribute holding facts (a {@code Map<String, Object>}) the answer's audit event records too. */
    public static final String DETAILS_ATTRIBUTE = Problems.class.getName() + ".details";

    private final ObjectMapper objectMapper;

    Problems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public ProblemDetail problem(HttpServletRequest request, HttpStatus status, String rule, String detail,
                                 List<? extends InvalidInputException.InputError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:govshare:problem:" + slug(rule)));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(path(request)));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        problem.setProperty(CorrelationId.KEY, CorrelationId.current());
        request.setAttribute(REASON_ATTRIBUTE, rule + ": " + detail);
        request.setAttribute(RULE_ATTRIBUTE, slug(rule));
        return problem;
    }

    /**
     * A refusal raised inside the engine (see {@link Causes#refusal}) as the problem it is: 400 naming the fields and
     * the rule, 409 for a step someone else took first ({@link TaskRaces}), or 403; with Camunda's {@code message}
     * beside the detail, which its webapps show.
     */
    ProblemDetail engineRefusal(HttpServletRequest request, RuntimeException refusal) {
        ProblemDetail problem = refusal instanceof InvalidInputException refused
                ? problem(request, HttpStatus.BAD_REQUEST, refused.errors().get(0).rule(), refused.getMessage(),
                        refused.errors())
                : refusal instanceof ConflictException conflict
                ? problem(request, HttpStatus.CONFLICT, conflict.rule(), conflict.getMessage(), conflict.errors())
                : problem(request, HttpStatus.FORBIDDEN, "access-denied", refusal.getMessage(), List.of());
        problem.setProperty("message", problem.getDetail());
        return problem;
    }

    /** A rule name as a URN part: rules written as sentences ("A conditional resource states its conditions (Art. 13)") become kebab case. */
    static String slug(String rule) {
        String slug = rule.replaceAll("\\(Art\\.[^)]*\\)", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "")
                .toLowerCase(java.util.Locale.ROOT);
        return slug.isEmpty() ? "invalid" : slug;
    }

    /** The problem as JSON, for answers Spring MVC does not write (Camunda's REST API). */
    String json(ProblemDetail problem) {
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a problem detail could not be written as JSON", e);
        }
    }

    /** Writes a problem straight to the response, for filters that answer before any controller. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String rule,
                      String detail) throws IOException {
        ProblemDetail problem = problem(request, status, rule, detail, List.of());
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        if (isPageNavigation(request)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write(page(status, problem));
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** A 429 straight from a filter, with the Retry-After the refusal audit reads the caller's window from. */
    public void writeTooManyRequests(HttpServletRequest request, HttpServletResponse response, String rule,
                                     long retryAfterSeconds, String detail) throws IOException {
        response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, rule, detail);
    }

    /**
     * An official's browser opening one of the platform's pages (not a script calling the API): they get a page in
     * their language saying what happened, with the same rule and correlation id as the problem document.
     */
    private static boolean isPageNavigation(HttpServletRequest request) {
        String path = path(request).substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
                && !path.startsWith("/api/") && !path.startsWith("/engine-rest/") && !path.startsWith("/actuator/");
    }

    /** The path the caller asked for, also while the container forwards a failed request to the error page. */
    private static String path(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return failed != null ? failed.toString() : request.getRequestURI();
    }

    private static String page(HttpStatus status, ProblemDetail problem) {
        String heading = switch (status) {
            case FORBIDDEN -> "您的角色无权打开此页面 Your roles do not allow this page";
            case UNAUTHORIZED -> "请先登录 Please log in first";
            case NOT_FOUND -> "没有这个页面 No such page";
            default -> "无法打开此页面 This page cannot be opened";
        };
        return """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>
                <style>body{font-family:sans-serif;max-width:44rem;margin:4rem auto;color:#333}code{color:#b5152b}</style>
                </head><body>
                <h1>%s</h1>
                <p>%s</p>
                <p>规则 Rule: <code>%s</code> · 状态 Status: %d · 查询编号 Correlation id: <code>%s</code></p>
                <p><a href="/camunda/app/tasklist/">返回任务列表 Back to Tasklist</a></p>
                </body></html>
                """.formatted(escape(heading), escape(heading), escape(problem.getDetail()),
                escape(String.valueOf(problem.getType()).replace("urn:govshare:problem:", "")), status.value(),
                escape(String.valueOf(problem.getProperties() == null ? "" : problem.getProperties().get("correlationId"))));
    }

    private static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
