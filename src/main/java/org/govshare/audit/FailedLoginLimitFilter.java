package org.govshare.audit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.govshare.platform.web.Problems;
import org.govshare.platform.web.WebappSessions;

/**
 * Holds password guessing to the limit of the address it comes from, on every path: a page, the platform API,
 * Camunda's REST API or a webapp's login form. Every request that brings credentials and is answered 401 counts
 * as one failed authentication; once the address has had its {@code failed-logins} in a window, every request from
 * it that brings credentials is answered 429 before any password is checked, so that a right guess cannot be told
 * from a wrong one until the window ends. It sits inside {@link RefusalAuditFilter}, which folds those 429s into
 * one event per window.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class FailedLoginLimitFilter extends OncePerRequestFilter {

    private final CallerRateLimit rateLimit;
    private final Problems problems;

    FailedLoginLimitFilter(CallerRateLimit rateLimit, Problems problems) {
        this.rateLimit = rateLimit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CallerRateLimit.Family family = rateLimit.failedLogins();
        if (family == null || request.getHeader(HttpHeaders.AUTHORIZATION) == null && !WebappSessions.isLogin(request)) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = rateLimit.loginsRefused(request);
        if (retryAfter > 0) {
            request.setAttribute(CallerRateLimit.COUNTED_ATTRIBUTE,
                    new CallerRateLimit.Counted(CallerRateLimit.addressOf(request), family));
            problems.writeTooManyRequests(request, response, "failed-login-limit", retryAfter,
                    "too many failed logins from your address: " + family.limit() + " are allowed per "
                            + family.windowMillis() / 1000 + " s; try again in " + retryAfter + " s");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            rateLimit.failedLogin(request);
        }
    }
}
