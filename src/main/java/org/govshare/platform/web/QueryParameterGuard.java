package org.govshare.platform.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks the query of every read of the API before its controller runs: a parameter the endpoint does not take is
 * refused ({@code unknown-parameter}, naming it and listing those it takes), so a misspelt filter never silently
 * widens an answer; and an endpoint that pages gets its {@code page} and {@code size} checked by {@link Paging},
 * whether it takes a {@link Paging} or reads them itself (a data read).
 */
class QueryParameterGuard implements HandlerInterceptor {

    private final RequestProperties limits;
    private final Map<HandlerMethod, QueryParameters> taken = new ConcurrentHashMap<>();

    QueryParameterGuard(RequestProperties limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST
                || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return true;
        }
        QueryParameters parameters = taken.computeIfAbsent(method, QueryParameters::of);
        List<InvalidInputException.InputError> errors = new ArrayList<>();
        for (String name : Collections.list(request.getParameterNames())) {
            if (!parameters.takes(name)) {
                errors.add(new FieldError(name, "unknown-parameter", "'" + name + "' is not a parameter of "
                        + request.getMethod() + " " + pattern(request) + "; " + (parameters.names().isEmpty()
                        ? "it takes none" : "it takes " + String.join(", ", parameters.names()))));
            }
        }
        if (parameters.paged()) {
            try {
                Paging.of(request, limits);
            } catch (InvalidInputException badPaging) {
                errors.addAll(badPaging.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return true;
    }

    private static String pattern(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern != null ? pattern.toString() : request.getRequestURI();
    }
}
