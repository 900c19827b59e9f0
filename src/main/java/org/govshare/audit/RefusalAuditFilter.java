package org.govshare.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.govshare.platform.web.Problems;
import org.govshare.platform.web.WebappSessions;

/**
 * Audits every refusal, wherever it comes from (Spring Security, the platform API, Camunda's REST API and
 * webapps): after the response is decided, a 400, 401, 403, 405, 409, 413, 415, 422 or 429 becomes an audit event
 * with outcome REFUSED, and a 5xx one with outcome FAILED. It also records webapp logins and logouts, which Camunda handles itself.
 * Two exceptions keep the trail from filling with noise: a 401 to a caller who sent no credentials and has no
 * webapp session is the Basic challenge every browser meets first, not a refusal; and of a burst of 429s only the
 * first of each window is recorded, the rest counted ({@link RateLimitedBursts}); and past a caller's
 * {@code recorded-refusals} in a window its refusals are only counted ({@link RecordedRefusals}).
 *
 * <p>It sits outside Spring Security, so it also sees the refusals the security filters answer themselves;
 * whoever refused leaves the reason in {@link Problems#REASON_ATTRIBUTE} and the caller in {@link #ACTOR_ATTRIBUTE}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RefusalAuditFilter extends OncePerRequestFilter {

    /** The request attribute holding the authenticated caller, set once authentication succeeded. */
    public static final String ACTOR_ATTRIBUTE = RefusalAuditFilter.class.getName() + ".actor";

    private static final Logger log = LoggerFactory.getLogger(RefusalAuditFilter.class);
    /** Answers of the APIs (small JSON); the webapps' static files stream through untouched. */
    private static final Pattern BUFFERED = Pattern.compile("/(api|engine-rest|camunda/api)/");
    private static final Pattern WEBAPP_LOGOUT = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/logout");
    private static final Map<Integer, AuditAction> REFUSALS = Map.of(
            400, AuditAction.INPUT_REJECTED, 401, AuditAction.AUTHENTICATION_REQUIRED, 403, AuditAction.ACCESS_DENIED,
            405, AuditAction.INPUT_REJECTED, 409, AuditAction.INPUT_REJECTED, 413, AuditAction.INPUT_REJECTED,
            415, AuditAction.INPUT_REJECTED, 422, AuditAction.INPUT_REJECTED, 429, AuditAction.RATE_LIMITED);

    private final AuditTrail auditTrail;
    private final CallerRateLimit rateLimit;
    private final RateLimitedBursts bursts;
    private final RecordedRefusals recordedRefusals;
    private final MeterRegistry meters;

    RefusalAuditFilter(AuditTrail auditTrail, CallerRateLimit rateLimit, RateLimitedBursts bursts,
                       RecordedRefusals recordedRefusals, MeterRegistry meters) {
        this.meters = meters;
        this.auditTrail = auditTrail;
        this.rateLimit = rateLimit;
        this.bursts = bursts;
        this.recordedRefusals = recordedRefusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean login = WebappSessions.isLogin(request);
        // read before the webapp does: Camunda's login resource takes @FormParam, which falls back to these parameters
        String loginName = login ? Objects.requireNonNullElse(request.getParameter("username"), "(none given)") : null;
        String webappUser = WEBAPP_LOGOUT.matcher(path).matches() ? WebappSessions.currentUser(request) : null;
        // hold the answer back until its audit event is stored: a caller who reads the trail right after a
        // refusal must find it there
        ContentCachingResponseWrapper held = BUFFERED.matcher(path).lookingAt() ? new ContentCachingResponseWrapper(response) : null;
        int status = 0;
        try {
            chain.doFilter(request, held != null ? held : response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            // the container answers 500 after this filter; record it as such now, then let the failure go on
            status = 500;
            request.setAttribute(Problems.REASON_ATTRIBUTE, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        } finally {
            try {
                auditOutcome(request, response, status != 0 ? status : response.getStatus(), path, loginName, webappUser);
            } catch (RuntimeException e) {
                // the answer stands; a lost refusal record is logged loudly rather than turned into an error
                log.error("Could not audit the outcome of {} {}: {}", request.getMethod(), path, e.toString());
            }
            if (held != null) {
                held.copyBodyToResponse();
            }
        }
    }

    private void auditOutcome(HttpServletRequest request, HttpServletResponse response, int status, String path,
                              String loginName, String webappUser) {
        if (loginName != null && status != 429) {
            boolean ok = status == 200;
            String why = status == 401 ? "wrong login or password"
                    : "refused with HTTP " + status + (status == 403 ? " (not allowed to use this webapp, or a stale CSRF token)" : "");
            Actor claimed = Actor.unverified(loginName);
            if (ok || recordedRefusals.mayRecord(claimed, caller(request))) {
                auditTrail.record(new AuditEntry(ok ? AuditAction.LOGIN_SUCCEEDED : AuditAction.LOGIN_FAILED,
                        ok ? Outcome.OK : Outcome.REFUSED, "webapp", path.substring(path.lastIndexOf('/') + 1),
                        ok ? null : why, claimed, Map.of("status", status)));
            }
            return;
        }
        if (webappUser != null && status < 300) {
            auditTrail.record(AuditEntry.ok(AuditAction.LOGOUT, "webapp", "camunda").by(Actor.unverified(webappUser)));
            return;
        }
        AuditAction action = status >= 500 ? AuditAction.REQUEST_FAILED
                : status == 404 && request.getAttribute(Problems.HIDDEN_ATTRIBUTE) != null ? AuditAction.ACCESS_DENIED
                : REFUSALS.get(status);
        if (action == null) {
            return;
        }
        countRefusal(request, status);
        Actor actor = (Actor) request.getAttribute(ACTOR_ATTRIBUTE);
        String claimed = actor != null ? null : loginName != null ? loginName : basicAuthUser(request);
        if (claimed != null) {
            // credentials were sent but not (yet) checked or found wrong: name who they claim to be
            actor = Actor.unverified(claimed);
            action = status == 401 ? AuditAction.LOGIN_FAILED : action;
        }
        if (actor == null) {
            String sessionUser = WebappSessions.currentUser(request);
            if (sessionUser == null && status == 401 && request.getHeader("Authorization") == null) {
                // the Basic challenge, a browser's first request to any page: nobody was refused anything yet
                return;
            }
            actor = sessionUser != null ? Actor.unverified(sessionUser) : Actor.ANONYMOUS;
        }
        String caller = caller(request);
        if (status == 429 ? !opensWindow(request, response, actor, caller, path)
                : status < 500 && !recordedRefusals.mayRecord(actor, caller)) {
            // counted into the window's RATE_LIMIT_WINDOW_CLOSED or REFUSALS_SUMMARISED event, not recorded one by one
            return;
        }
        Object reason = request.getAttribute(Problems.REASON_ATTRIBUTE);
        AuditEntry entry = AuditEntry.refused(action, "http-request", request.getMethod() + " " + path,
                reason != null ? reason.toString() : "HTTP " + status);
        Map<String, Object> details = new LinkedHashMap<>(entry.details());
        if (request.getAttribute(Problems.DETAILS_ATTRIBUTE) instanceof Map<?, ?> named) {
            named.forEach((name, value) -> details.put(String.valueOf(name), value));
        }
        auditTrail.record(new AuditEntry(entry.action(), status >= 500 ? Outcome.FAILED : Outcome.REFUSED,
                        entry.objectType(), entry.objectId(), entry.reason(), actor, details).with("status", status).with("method", request.getMethod()).with("path", path));
    }

    /**
     * Every refusal and failure is counted by its rule, also those summarised rather than recorded one by one; a
     * refusal without a problem of the platform's (Camunda's own answers) is counted under {@code http-<status>}.
     */
    private void countRefusal(HttpServletRequest request, int status) {
        Object rule = request.getAttribute(Problems.RULE_ATTRIBUTE);
        meters.counter("govshare.refusals", "rule", rule != null ? rule.toString() : "http-" + status,
                "status", Integer.toString(status)).increment();
    }

    /** Who is counted for a refusal: the authenticated caller, else the address, whatever name it claims. */
    private static String caller(HttpServletRequest request) {
        return CallerRateLimit.callerOf((Actor) request.getAttribute(ACTOR_ATTRIBUTE), request);
    }

    /** Whether a 429 is the first of its caller's window on its family of endpoints, which lasts until Retry-After. */
    private boolean opensWindow(HttpServletRequest request, HttpServletResponse response, Actor actor, String caller,
                                String path) {
        // keyed by whom the limit counted the call against (an overflowing address as the overflow caller)
        CallerRateLimit.Counted counted = request.getAttribute(CallerRateLimit.COUNTED_ATTRIBUTE) instanceof
                CallerRateLimit.Counted c ? c : new CallerRateLimit.Counted(caller, rateLimit.familyOf(path));
        long retryAfter;
        try {
            retryAfter = Long.parseLong(Objects.requireNonNullElse(response.getHeader("Retry-After"), "1"));
        } catch (NumberFormatException notSeconds) {
            retryAfter = 1;
        }
        CallerRateLimit.Family family = counted.family();
        return bursts.opens(actor, counted.caller(), family != null ? family.name() : path,
                family != null ? family.windowMillis() : 60_000, retryAfter);
    }

    private static String basicAuthUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, Math.min(colon, 128)) : null;
        } catch (IllegalArgumentException notBase64) {
            return "(malformed credentials)";
        }
    }
}
