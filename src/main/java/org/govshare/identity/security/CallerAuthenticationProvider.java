package org.govshare.identity.security;

import java.util.List;

import org.govshare.identity.Official;
import org.govshare.identity.OfficialDirectory;
import org.govshare.identity.RegisteredSystems;
import org.govshare.identity.SystemCaller;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials. A client id ({@code sys-…}) is a registered system's, checked against the stored
 * hashes of active systems; any other login is an official's, checked against Camunda's identity service, the one
 * store of people. No official's login starts with {@code sys-}, so the prefix alone decides, and a client id
 * never reaches Camunda.
 */
@Component
class CallerAuthenticationProvider implements AuthenticationProvider {

    private final OfficialDirectory officials;
    private final RegisteredSystems systems;

    CallerAuthenticationProvider(OfficialDirectory officials, RegisteredSystems systems) {
        this.officials = officials;
        this.systems = systems;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        if (SystemCaller.isClientId(login)) {
            // a revoked system and a wrong secret get the same answer: the caller learns nothing about which it was
            SystemCaller system = systems.authenticate(login, password)
                    .orElseThrow(() -> new BadCredentialsException("wrong client id or secret, or the system is revoked"));
            // no authorities: what a system may call is SecurityConfiguration's allow-list, not a role
            return UsernamePasswordAuthenticationToken.authenticated(system, null, List.of());
        }
        Official official = officials.authenticate(login, password)
                .orElseThrow(() -> new BadCredentialsException("wrong login or password"));
        return UsernamePasswordAuthenticationToken.authenticated(official, null, official.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
