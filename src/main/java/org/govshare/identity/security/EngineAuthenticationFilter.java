package org.govshare.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.govshare.audit.AuditedPrincipal;
import org.govshare.identity.Official;
import org.govshare.audit.RefusalAuditFilter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls its REST API, so that Camunda's authorization checks apply to every
 * {@code /engine-rest} request. The platform API ({@code /api}) enforces its own rules per department and role
 * and calls the engine as trusted code.
 */
@Component
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    EngineAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuditedPrincipal caller) {
            // an official or a registered system: a refusal further on is audited under who it really is
            request.setAttribute(RefusalAuditFilter.ACTOR_ATTRIBUTE, caller.actor());
        }
        boolean engineRest = request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/");
        // only officials are engine users; the authorization after this filter refuses a system /engine-rest
        if (!engineRest || authentication == null || !(authentication.getPrincipal() instanceof Official official)) {
            chain.doFilter(request, response);
            return;
        }
        identityService.setAuthentication(official.login(), official.groupIds());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
