package org.govshare.assessment.publication;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The assessment pages are one static page ({@code static/assessment/index.html}): {@code /assessment/} lists the
 * published years, {@code /assessment/{year}} shows a year's report and {@code /assessment/{year}/departments/{code}}
 * one department's, with its cases; the script reads which from the address. Every official may open them; what
 * they show is what the read API lets that official see.
 */
@Configuration(proxyBeanMethods = false)
class AssessmentPageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/assessment/").setViewName("forward:/assessment/index.html");
        registry.addRedirectViewController("/assessment", "/assessment/");
        registry.addViewController("/assessment/{year:\\d{4}}").setViewName("forward:/assessment/index.html");
        registry.addViewController("/assessment/{year:\\d{4}}/departments/*").setViewName("forward:/assessment/index.html");
    }
}
