package org.govshare.identity.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govshare.identity.OfficialDirectory;
import org.govshare.platform.web.WebappSessions;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an official who is logged in to Tasklist (or another Camunda webapp) read the platform's pages and read API
 * in the same browser, without a second login: a GET or HEAD without credentials, in a session where Camunda's own
 * login put a user of this engine, is that official's, for this request only.
 *
 * <p>Only reads, because a session cookie goes along with requests other sites make the browser send: a read's
 * answer never reaches such a site, while a write would need CSRF protection, which the stateless API does not
 * have. Shared data ({@code /api/data/**}) is left out too: each read of it is audited and counted against a grant's
 * rate limit, so it stays with credentials on every request. Basic credentials, when sent, decide alone. A
 * logged-out session, or a login that is no longer an official, authenticates nobody.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final OfficialDirectory officials;
    private final String engineName;

    WebappSessionAuthenticationFilter(OfficialDirectory officials, String engineName) {
        this.officials = officials;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (mayUseTheSession(request)) {
            String login = WebappSessions.currentUser(request, engineName);
            if (login != null) {
                officials.load(login).ifPresent(official -> {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(official, null, official.authorities()));
                    // the platform chain is stateless: the context ends with this request, nothing is saved
                    SecurityContextHolder.setContext(context);
                });
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean mayUseTheSession(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return READS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && (authentication == null || authentication instanceof AnonymousAuthenticationToken)
                && !path.startsWith("/api/data/") && !"/api/data".equals(path);
    }
}
