package org.govshare.audit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govshare.platform.web.FixedWindowCounter;
import org.govshare.platform.web.Problems;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every caller to its rate limit on the platform API and the engine's REST API. It sits in the security
 * chain right after authentication, so it knows who calls, and before authorization and every controller, so a
 * refused call costs nothing more than this. Callers that authenticated nobody are counted by address.
 */
public class CallerRateLimitFilter extends OncePerRequestFilter {

    private final CallerRateLimit rateLimit;
    private final Problems problems;

    public CallerRateLimitFilter(CallerRateLimit rateLimit, Problems problems) {
        this.rateLimit = rateLimit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!refusedOverLimit(request, response)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * Counts the call once and answers 429 when its caller is over the limit of the call's family; true when it
     * answered. Also called when authentication failed, which ends the chain before this filter: wrong passwords
     * are counted against the address they come from.
     */
    public boolean refusedOverLimit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CallerRateLimit.Family family = rateLimit.familyOf(request.getRequestURI().substring(request.getContextPath().length()));
        if (family == null || request.getAttribute(CallerRateLimit.COUNTED_ATTRIBUTE) != null) {
            return false;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String caller = CallerRateLimit.callerOf(authentication != null
                && authentication.getPrincipal() instanceof AuditedPrincipal principal ? principal.actor() : null, request);
        FixedWindowCounter.Tally<String> tally = rateLimit.acquire(caller, family);
        // the refusal audit keys its count by whom the call was counted against, the overflow caller included
        request.setAttribute(CallerRateLimit.COUNTED_ATTRIBUTE, new CallerRateLimit.Counted(tally.countedAs(), family));
        long retryAfter = tally.retryAfterSeconds();
        if (retryAfter == 0) {
            return false;
        }
        problems.writeTooManyRequests(request, response, "caller-rate-limit", retryAfter,
                "you may make " + family.limit() + " calls to the " + family.name() + " endpoints per "
                        + family.windowMillis() / 1000 + " s; try again in " + retryAfter + " s");
        return true;
    }
}
