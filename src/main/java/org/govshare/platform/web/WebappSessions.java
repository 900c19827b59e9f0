package org.govshare.platform.web;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is logged in to Camunda's webapps in this request's session: for the audit trail, and for the platform's
 * read-only pages opened from Tasklist. Never creates a session.
 */
public final class WebappSessions {

    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private WebappSessions() {
    }

    /** Whether the request is a webapp's login form being posted (Camunda checks the password itself). */
    public static boolean isLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    /** The user logged in to any engine's webapps, or null. */
    public static String currentUser(HttpServletRequest request) {
        return authentications(request).stream().filter(UserAuthentication.class::isInstance)
                .map(a -> a.getIdentityId()).findFirst().orElse(null);
    }

    /** The user logged in to the webapps of this engine, or null (no session, logged out, another engine). */
    public static String currentUser(HttpServletRequest request, String engineName) {
        return authentications(request).stream().filter(UserAuthentication.class::isInstance)
                .filter(a -> engineName.equals(a.getProcessEngineName()))
                .map(a -> a.getIdentityId()).findFirst().orElse(null);
    }

    private static List<UserAuthentication> authentications(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return List.of();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications == null ? List.of() : authentications.getAuthentications();
    }
}
