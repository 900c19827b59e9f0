package org.govshare.identity.security;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.govshare.identity.Caller;
import org.govshare.identity.OfficialDirectory;
import org.govshare.audit.CallerRateLimit;
import org.govshare.audit.CallerRateLimitFilter;
import org.govshare.platform.web.DatabaseOutage;
import org.govshare.platform.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * authorizations; everything else needs HTTP Basic credentials of an official or of a registered system, except
 * health and info, and except reads by an official logged in to the webapps in the same browser (see
 * {@link WebappSessionAuthenticationFilter}). A registered system may call only what {@link #SYSTEMS_MAY_CALL} lists.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Everything a registered system may call; every other path answers it 403 {@code systems-not-allowed}. An
     * allow-list rather than a deny-list, so that an endpoint added later is closed to systems until someone opens
     * it here on purpose: the controllers behind other paths take an {@code Official}, which a system is not.
     */
    static final List<String> SYSTEMS_MAY_CALL = List.of("GET /api/me", "GET /api/grants", "GET /api/grants/**",
            "/api/data/**");
    /** The static files of the platform's pages that are not pages: no login needed, nothing audited. */
    private static final Pattern STATIC_ASSET = Pattern.compile(
            "/(shared|catalog|audit|cases|assessment|verify)/[\\w.-]+\\.(js|css|svg|png|ico|woff2?|ttf|map)|/favicon\\.ico|/webjars/.+");
    /**
     * Seal checks and what they trust, an electronic certificate's status, and the page that asks for them: open to
     * anyone (docs/seals.md).
     */
    private static final String[] PUBLIC_SEAL_PATHS = {"/api/seals/verify", "/api/seals/roots", "/api/seals/crl/*",
            "/api/seals/tsa",
            // anyone handed an electronic certificate may ask whether it is valid (docs/licences.md)
            "/api/licences/*/status", "/verify", "/verify/", "/verify/index.html"};
    private static final RequestMatcher SYSTEM_CALLS = new OrRequestMatcher(
            SYSTEMS_MAY_CALL.stream().map(SecurityConfiguration::call).toList());

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

    /**
     * The metrics, for a scraper with its own credential or a process owner (docs/operations.md). A chain of its own,
     * so that the scraper's login is known here and nowhere else.
     */
    @Bean
    @Order(2)
    SecurityFilterChain metrics(HttpSecurity http, CallerAuthenticationProvider callers, ScrapeProperties scrape,
                                Problems problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> unauthenticated(problems, request, response, e);
        return http.securityMatcher(paths("/actuator/prometheus"))
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(ScrapeCredential.ROLE, "PROCESS_OWNER"))
                .authenticationProvider(new ScrapeCredential(scrape))
                .authenticationProvider(callers)
                .httpBasic(b -> b.realmName("GovShare").authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "access-denied", "the metrics are for the scrape credential and"
                                        + " process owners only")))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain platform(HttpSecurity http, CallerAuthenticationProvider callers,
                                 EngineAuthenticationFilter engineAuthentication, OfficialDirectory officials,
                                 ProcessEngine engine, Problems problems, CallerRateLimit rateLimit) throws Exception {
        CallerRateLimitFilter rateLimitFilter = new CallerRateLimitFilter(rateLimit, problems);
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (!rateLimitFilter.refusedOverLimit(request, response)) {
                unauthenticated(problems, request, response, e);
            }
        };
        AccessDeniedHandler denied = (request, response, e) -> denied(problems, request, response);
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")).permitAll()
                        // the pages' scripts, styles, images and fonts hold nothing secret, and a browser fetches
                        // them before it is asked to log in; the pages themselves stay behind the rules below
                        .requestMatchers(SecurityConfiguration::staticAsset).permitAll()
                        // anyone handed a sealed document may check it, and fetch what a check trusts (rate-limited
                        // per caller, family seals); a system too, so before the systems' allow-list
                        .requestMatchers(paths(PUBLIC_SEAL_PATHS)).permitAll()
                        // a department seal's picture: the verification page shows it to anyone who checks a seal
                        .requestMatchers(call("GET /api/seals/department-seals/*/picture")).permitAll()
                        // first of the rules that need a caller, so no rule below can let a system through
                        .requestMatchers(SecurityConfiguration::systemOffItsAllowList).denyAll()
                        .requestMatchers(paths("/api/audit", "/api/audit/**")).hasAnyRole("AUTHORITY", "SUPERVISOR")
                        // the audit search page and its script and style: for the same roles as the API it reads
                        .requestMatchers(paths("/audit", "/audit/**")).hasAnyRole("AUTHORITY", "SUPERVISOR")
                        .requestMatchers(paths("/api/rules/reload", "/api/rules/validate")).hasRole("RULE_AUTHOR")
                        .anyRequest().authenticated())
                .authenticationProvider(callers)
                .httpBasic(b -> b.realmName("GovShare").authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                // stateless API with credentials on every request: no cookie, so no CSRF to defend against
                .csrf(c -> c.disable())
                // no login here makes a session, so there is none to protect from fixation; left on, it would give
                // the browser's Tasklist session a new id on every authenticated read, under Tasklist's feet (its
                // calls, and a page's calls in parallel, would bring an id that is gone)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(f -> f.none()))
                // Basic first; the Tasklist session only where Basic authenticated nobody; then the engine and the
                // refusal audit are told who it was
                .addFilterAfter(new WebappSessionAuthenticationFilter(officials, engine.getName()), BasicAuthenticationFilter.class)
                .addFilterAfter(engineAuthentication, WebappSessionAuthenticationFilter.class)
                // once the caller is known, before anything works for it
                .addFilterAfter(rateLimitFilter, EngineAuthenticationFilter.class)
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

    /** {@code "GET /path"} for one method, {@code "/path"} for any. */
    private static RequestMatcher call(String call) {
        String[] methodAndPath = call.split(" ");
        return methodAndPath.length == 1 ? paths(call)
                : PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(methodAndPath[0]), methodAndPath[1]);
    }

    /** A GET or HEAD of a file of the platform's own pages that is not a page (see {@link #STATIC_ASSET}). */
    private static boolean staticAsset(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && STATIC_ASSET.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    /** A registered system asking for something off its allow-list (read once authentication has run). */
    private static boolean systemOffItsAllowList(HttpServletRequest request) {
        return isSystem() && !SYSTEM_CALLS.matches(request);
    }

    private static boolean isSystem() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller && caller.isSystem();
    }

    private static void denied(Problems problems, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String call = request.getMethod() + " " + request.getRequestURI();
        if (systemOffItsAllowList(request)) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "systems-not-allowed",
                    "a registered system may call " + String.join(", ", SYSTEMS_MAY_CALL) + " only, not " + call);
            return;
        }
        problems.write(request, response, HttpStatus.FORBIDDEN, "access-denied", "your roles do not allow " + call);
    }

    private static void unauthenticated(Problems problems, HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        if (DatabaseOutage.causedBy(e)) {
            // the credentials could not be checked, not found wrong
            DatabaseOutage.answer(problems, request, response);
            return;
        }
        boolean gaveCredentials = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", "Basic realm=\"GovShare\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED,
                gaveCredentials ? "bad-credentials" : "credentials-required",
                gaveCredentials ? "the login or password is wrong"
                        : "log in: send an official's login and password, or a registered system's client id and"
                        + " secret, with HTTP Basic authentication");
    }
}
