package org.govshare.platform.security;

import org.govshare.identity.Official;
import org.govshare.identity.OfficialDirectory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Checks an official's login and password against Camunda's identity service, the one user store. */
@Component
class OfficialAuthenticationProvider implements AuthenticationProvider {

    private final OfficialDirectory officials;

    OfficialAuthenticationProvider(OfficialDirectory officials) {
        this.officials = officials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        Object password = authentication.getCredentials();
        Official official = officials.authenticate(login, password == null ? null : password.toString())
                .orElseThrow(() -> new BadCredentialsException("wrong login or password"));
        return UsernamePasswordAuthenticationToken.authenticated(official, null, official.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
