package org.govshare.identity;

import static org.govshare.platform.FormValues.blank;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for a role: checked here, decided by the sharing authority in the {@code role-request} process. Each
 * request is a row ({@link RoleRequestStore}) keyed by its process instance; the process carries no state of its own
 * but the few variables Tasklist shows on the review form.
 */
@Service
public class RoleRequests {

    public static final String PROCESS = "role-request";

    /** The longest reason, of the applicant or the authority, a row keeps. */
    static final int MAX_REASON = 500;

    private final OfficialDirectory officials;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final AuditTrail auditTrail;
    private final RoleRequestStore store;
    private final Clock clock;

    RoleRequests(OfficialDirectory officials, RuntimeService runtimeService, IdentityService identityService,
                 AuditTrail auditTrail, RoleRequestStore store, Clock clock) {
        this.officials = officials;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.auditTrail = auditTrail;
        this.store = store;
        this.clock = clock;
    }

    /** Starts a request on behalf of the applicant; returns the process instance id. */
    @Transactional
    public String request(Official applicant, String requestedRole, String reason) {
        Role role = check(applicant.login(), requestedRole);
        if (blank(reason)) {
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
     * API), and its row: every later step decides from the row. The applicant is the authenticated caller who
     * started the process: a start variable cannot file a request in someone else's name.
     *
     * @param claimedApplicant the {@code applicant} variable, used only when nobody is authenticated (the platform)
     */
    @Transactional
    public RoleRequest accept(String claimedApplicant, String requestedRole, String reason, String processInstanceId) {
        var caller = identityService.getCurrentAuthentication();
        String applicant = caller != null && caller.getUserId() != null ? caller.getUserId() : claimedApplicant;
        Role role = check(applicant, requestedRole);
        if (blank(reason)) {
            throw new InvalidInputException("reason", "required", "say why you need the role");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "too-long", "at most " + MAX_REASON + " characters");
        }
        String department = officials.load(applicant).map(Official::department).orElseThrow();
        RoleRequest request = new RoleRequest(processInstanceId, applicant, department, role, reason.strip(),
                RoleRequest.Status.PENDING, clock.instant(), null, null, null);
        store.insert(request);
        auditTrail.record(AuditEntry.ok(AuditAction.ROLE_REQUESTED, "process-instance", processInstanceId)
                .with("role", role).with("applicant", applicant));
        return request;
    }

    /**
     * The authority's decision, checked and stored; a refusal must say why, for the applicant reads it.
     *
     * @return the stored request as decided
     */
    @Transactional
    public RoleRequest decide(String processInstanceId, Boolean approved, String decisionReason) {
        RoleRequest request = ofProcess(processInstanceId);
        if (approved == null) {
            throw new InvalidInputException("approved", "required", "approve or refuse the request");
        }
        if (!approved && blank(decisionReason)) {
            throw new InvalidInputException("decisionReason", "refusal-needs-reason", "a refusal must give its reason");
        }
        if (decisionReason != null && decisionReason.length() > MAX_REASON) {
            throw new InvalidInputException("decisionReason", "too-long", "at most " + MAX_REASON + " characters");
        }
        store.decide(request.id(), approved ? RoleRequest.Status.APPROVED : RoleRequest.Status.REFUSED,
                auditTrail.currentActor().id(), blank(decisionReason) ? null : decisionReason.strip(),
                clock.instant());
        return ofProcess(processInstanceId);
    }

    /** Grants the role of an approved request, as stored. */
    @Transactional
    public void grant(String processInstanceId) {
        RoleRequest request = ofProcess(processInstanceId);
        if (request.status() != RoleRequest.Status.APPROVED) {
            throw new IllegalStateException("role request " + request.id() + " is " + request.status() + ", not APPROVED");
        }
        officials.grantRole(request.applicant(), request.requestedRole());
    }

    /** A role request, to its applicant or to the sharing authority. */
    public RoleRequest requestFor(Official by, String id) {
        RoleRequest request = store.find(id).orElseThrow(() -> new NotFoundException("role request", id));
        if (!by.login().equals(request.applicant()) && !by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("a role request is read by its applicant and by the sharing authority");
        }
        return request;
    }

    private RoleRequest ofProcess(String processInstanceId) {
        return store.find(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "no role request stored for process instance " + processInstanceId));
    }
}
