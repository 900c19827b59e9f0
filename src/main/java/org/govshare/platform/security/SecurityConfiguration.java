package org.govshare.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govshare.platform.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what (Art. 27). Camunda's webapps log users in themselves (a session) and check the engine's
 * authorizations; everything else needs HTTP Basic credentials of an official, except health and info.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        // the webapps bring their own login, session, CSRF protection and security headers
        return http.securityMatcher(paths("/camunda/**", "/"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .headers(h -> h.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain platform(HttpSecurity http, OfficialAuthenticationProvider officials,
                                 EngineAuthenticationFilter engineAuthentication, Problems problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> unauthenticated(problems, request, response, e);
        AccessDeniedHandler denied = (request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
                "access-denied", "your roles do not allow " + request.getMethod() + " " + request.getRequestURI());
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")).permitAll()
                        .requestMatchers(paths("/api/audit", "/api/audit/**")).hasAnyRole("AUTHORITY", "SUPERVISOR")
                        .requestMatchers(paths("/api/rules/reload")).hasRole("RULE_AUTHOR")
                        .anyRequest().authenticated())
                .authenticationProvider(officials)
                .httpBasic(b -> b.realmName("GovShare").authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                // stateless API with credentials on every request: no cookie, so no CSRF to defend against
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(engineAuthentication, BasicAuthenticationFilter.class)
                .build();
    }

    /** The engine filter runs inside the security chain only, after authentication. */
    @Bean
    FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationOutsideChain(EngineAuthenticationFilter filter) {
        FilterRegistrationBean<EngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** Path matchers that hold for every servlet (Camunda's REST API and webapps are not Spring MVC). */
    private static RequestMatcher paths(String... patterns) {
        return new OrRequestMatcher(java.util.Arrays.stream(patterns)
                .<RequestMatcher>map(p -> PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
    }

    private static void unauthenticated(Problems problems, HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        boolean gaveCredentials = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", "Basic realm=\"GovShare\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED,
                gaveCredentials ? "bad-credentials" : "credentials-required",
                gaveCredentials ? "the login or password is wrong"
                        : "log in: send an official's credentials with HTTP Basic authentication");
    }
}
