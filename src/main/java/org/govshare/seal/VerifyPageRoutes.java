package org.govshare.seal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The seal check page is static content ({@code static/verify/index.html}); {@code /verify/} forwards to it and
 * {@code /verify} redirects there. Open to anyone, as {@code POST /api/seals/verify} is.
 */
@Configuration(proxyBeanMethods = false)
class VerifyPageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/verify/").setViewName("forward:/verify/index.html");
        registry.addRedirectViewController("/verify", "/verify/");
    }
}
