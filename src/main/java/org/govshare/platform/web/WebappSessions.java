package org.govshare.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who is logged in to Camunda's webapps in this request's session, for the audit trail. */
final class WebappSessions {

    private WebappSessions() {
    }

    static String currentUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        return authentications.getAuthentications().stream().filter(UserAuthentication.class::isInstance)
                .map(a -> a.getIdentityId()).findFirst().orElse(null);
    }
}
