package org.govshare.cases;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The case pages: one static page ({@code static/cases/index.html}) for every kind of case, at
 * {@code /cases/{kind}/{id}}; its script reads the kind and id from the address and the case from the read API.
 * Tasklist's forms link here. Like every path but health, a page needs an official: Basic credentials, or the
 * official's Tasklist session (reads only, see the security rules); what a page shows is exactly what the API lets
 * that official read.
 */
@Configuration(proxyBeanMethods = false)
class CasePageRoutes implements WebMvcConfigurer {

    /** The kinds of case with a page, as they appear in the address; the script knows the same list. */
    static final List<String> KINDS = List.of("requests", "submissions", "disputes", "corrections", "consultations",
            "rectifications", "complaints");

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String kind : KINDS) {
            registry.addViewController("/cases/" + kind + "/*").setViewName("forward:/cases/index.html");
        }
    }
}
