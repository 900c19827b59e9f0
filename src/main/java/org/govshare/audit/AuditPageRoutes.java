package org.govshare.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The audit search page is static content ({@code static/audit/index.html}); {@code /audit/} forwards to it and
 * {@code /audit} redirects there. Only the sharing authority and supervisors may open it, as only they may call
 * {@code /api/audit} (see the security rules).
 */
@Configuration(proxyBeanMethods = false)
class AuditPageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/audit/").setViewName("forward:/audit/index.html");
        registry.addRedirectViewController("/audit", "/audit/");
    }
}
