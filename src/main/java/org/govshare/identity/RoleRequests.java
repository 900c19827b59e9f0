package org.govshare.identity;

import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requests for a role: checked here, decided by the sharing authority in the {@code role-request} process. */
@Service
public class RoleRequests {

    public static final String PROCESS = "role-request";

    private final OfficialDirectory officials;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final AuditTrail auditTrail;

    RoleRequests(OfficialDirectory officials, RuntimeService runtimeService, IdentityService identityService,
                 AuditTrail auditTrail) {
        this.officials = officials;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.auditTrail = auditTrail;
    }

    /** Starts a request on behalf of the applicant; returns the process instance id. */
    @Transactional
    public String request(Official applicant, String requestedRole, String reason) {
        Role role = check(applicant.login(), requestedRole);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "required", "say why you need the role");
        }
        identityService.setAuthentication(applicant.login(), applicant.groupIds());
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS,
                    Map.of("requestedRole", role.name(), "reason", reason)).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Checks that the applicant may hold the role in their department; returns the role. */
    public Role check(String applicantLogin, String requestedRole) {
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(requestedRole)).findFirst()
                .orElseThrow(() -> new InvalidInputException("requestedRole", "unknown-value",
                        "'" + requestedRole + "' is not a role; use one of " + Arrays.toString(Role.values())));
        Official applicant = officials.load(applicantLogin)
                .orElseThrow(() -> new NotFoundException("official", applicantLogin));
        if (applicant.has(role)) {
            throw new InvalidInputException("requestedRole", "role-already-held", "you hold the role " + role + " already");
        }
        officials.requireRoleAllowed(applicant, role, "requestedRole");
        return role;
    }

    /**
     * The process's own check of a new request, whichever door started it (the platform API, Tasklist, the REST
     * API). The applicant is the authenticated caller who started the process: a start variable cannot file a
     * request in someone else's name.
     *
     * @param claimedApplicant the {@code applicant} variable, used only when nobody is authenticated (the platform)
     */
    public Accepted accept(String claimedApplicant, String requestedRole, String reason, String processInstanceId) {
        var caller = identityService.getCurrentAuthentication();
        String applicant = caller != null && caller.getUserId() != null ? caller.getUserId() : claimedApplicant;
        Role role = check(applicant, requestedRole);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "required", "say why you need the role");
        }
        String department = officials.load(applicant).map(Official::department).orElseThrow();
        auditTrail.record(AuditEntry.ok(AuditAction.ROLE_REQUESTED, "process-instance", processInstanceId)
                .with("role", role).with("applicant", applicant));
        return new Accepted(applicant, department);
    }

    /** Who asked, and their department. */
    public record Accepted(String applicant, String department) {
    }

    /** A refusal must say why: the applicant reads it. */
    public void checkDecision(Boolean approved, String decisionReason) {
        if (approved == null) {
            throw new InvalidInputException("approved", "required", "approve or refuse the request");
        }
        if (!approved && (decisionReason == null || decisionReason.isBlank())) {
            throw new InvalidInputException("decisionReason", "refusal-needs-reason", "a refusal must give its reason");
        }
    }

    public void grant(String applicantLogin, String requestedRole) {
        officials.grantRole(applicantLogin, Role.valueOf(requestedRole));
    }
}
