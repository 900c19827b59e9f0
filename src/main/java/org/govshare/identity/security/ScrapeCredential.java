package org.govshare.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks the metrics scraper's login. It is no official and no registered system: it opens the metrics and nothing
 * else, since only the metrics chain asks this provider, and any other login falls through to the officials'.
 */
class ScrapeCredential implements AuthenticationProvider {

    static final String ROLE = "METRICS_SCRAPER";

    private final ScrapeProperties properties;

    ScrapeCredential(ScrapeProperties properties) {
        this.properties = properties;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!properties.enabled() || !properties.username().equals(authentication.getName())) {
            return null;
        }
        Object given = authentication.getCredentials();
        // compared in constant time, so the answer's timing tells nothing about how much of the password was right
        if (given == null || !MessageDigest.isEqual(given.toString().getBytes(StandardCharsets.UTF_8),
                properties.scrapePassword().getBytes(StandardCharsets.UTF_8))) {
            throw new BadCredentialsException("wrong scrape password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(properties.username(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
