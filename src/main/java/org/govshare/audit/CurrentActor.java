package org.govshare.audit;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting now: the official authenticated on the platform API, else the user the engine was told about
 * (Camunda's webapps and REST API set it per request), else the platform itself.
 */
@Component
class CurrentActor {

    /** The Camunda group type of departments. */
    static final String DEPARTMENT_GROUP_TYPE = "department";

    private final ObjectProvider<IdentityService> identityService;

    CurrentActor(ObjectProvider<IdentityService> identityService) {
        this.identityService = identityService;
    }

    Actor get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuditedPrincipal principal) {
            return principal.actor();
        }
        IdentityService identity = identityService.getIfAvailable();
        Authentication engineUser = identity == null ? null : identity.getCurrentAuthentication();
        if (engineUser == null || engineUser.getUserId() == null) {
            return Actor.SYSTEM;
        }
        List<String> groups = engineUser.getGroupIds() == null ? List.of() : engineUser.getGroupIds();
        String department = groups.isEmpty() ? null : identity.createGroupQuery()
                .groupIdIn(groups.toArray(String[]::new))
                .groupType(DEPARTMENT_GROUP_TYPE)
                .list().stream().map(Group::getId).findFirst().orElse(null);
        return new Actor(engineUser.getUserId(), department);
    }
}
