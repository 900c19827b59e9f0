package org.govshare.catalog;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The catalog browser is static content ({@code static/catalog/index.html}); Spring serves a directory's
 * index page only at the root, so {@code /catalog/} forwards to it and {@code /catalog} redirects there.
 * Like every path but health, the page needs an official's Basic credentials.
 */
@Configuration(proxyBeanMethods = false)
class CatalogPageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/catalog/").setViewName("forward:/catalog/index.html");
        registry.addRedirectViewController("/catalog", "/catalog/");
    }
}
