package org.govshare.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.identity.RegisteredSystem.Status;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.govshare.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registered systems (Art. 27: every caller identified, machine or person): a department registers an
 * application of its own and gets a client credential with which the application calls the platform as itself.
 * Officials of the department who apply for or provide data (APPLICANT, PROVIDER_REVIEWER) keep its systems; the
 * sharing authority sees and keeps every department's.
 */
@Service
public class RegisteredSystems {

    static final String OBJECT_TYPE = "registered-system";
    private static final int NAME_MAX = 100;
    private static final int CONTACT_MAX = 200;
    private static final int REASON_MAX = 2000;

    private final RegisteredSystemStore store;
    private final DepartmentDirectory departments;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final ClientCredentials credentials = new ClientCredentials();

    RegisteredSystems(RegisteredSystemStore store, DepartmentDirectory departments, AuditTrail auditTrail, Clock clock) {
        this.store = store;
        this.departments = departments;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * A system and a secret just issued to it. The secret exists only here, on its way to the one answer that
     * shows it; {@link #toString()} leaves it out so that no log line can carry it.
     */
    public record IssuedCredential(RegisteredSystem system, String clientSecret) {

        @Override
        public String toString() {
            return "IssuedCredential[" + system.clientId() + ", secret hidden]";
        }
    }

    /** Registers a system of the official's department and issues its first secret. */
    @Transactional
    public IssuedCredential register(Official by, String name, String contact) {
        List<FieldError> errors = new ArrayList<>();
        requireText(errors, "name", name, NAME_MAX, "name the system, e.g. 户籍核验接口 Household registration check");
        requireText(errors, "contact", contact, CONTACT_MAX,
                "say who answers for the system: a person, a phone number, an e-mail address");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        requireMayRegister(by);
        String clientId = credentials.newClientId();
        String secret = credentials.newSecret();
        store.insert(clientId, name.strip(), contact.strip(), by.department(), ClientCredentials.hash(secret), by.login(),
                now());
        auditTrail.record(AuditEntry.ok(AuditAction.SYSTEM_REGISTERED, OBJECT_TYPE, clientId)
                .with("department", by.department()).with("name", name.strip()));
        return new IssuedCredential(require(clientId), secret);
    }

    /** A page of the systems of a department, newest first, for its officials and the authority. */
    public List<RegisteredSystem> systemsOf(Official by, String department, int page, int size) {
        if (department == null) {
            throw new InvalidInputException("department", "required", "name the department whose systems to list");
        }
        requireMaySee(by, department);
        departments.require(department);
        return store.ofDepartment(department, page, size);
    }

    /** One system, for an official of its department or the authority. */
    public RegisteredSystem systemFor(Official by, String clientId) {
        RegisteredSystem system = require(clientId);
        requireMaySee(by, system.department());
        return system;
    }

    /** Issues a new secret; the old one is refused from this commit on. */
    @Transactional
    public IssuedCredential rotate(Official by, String clientId) {
        RegisteredSystem system = require(clientId);
        requireMayKeep(by, system);
        String secret = credentials.newSecret();
        if (!store.replaceSecret(clientId, ClientCredentials.hash(secret), now())) {
            throw revoked(clientId);
        }
        auditTrail.record(AuditEntry.ok(AuditAction.SYSTEM_CREDENTIAL_ROTATED, OBJECT_TYPE, clientId)
                .with("department", system.department()));
        return new IssuedCredential(require(clientId), secret);
    }

    /** Revokes a system for good: its credential is refused from this commit on. */
    @Transactional
    public RegisteredSystem revoke(Official by, String clientId, String reason) {
        List<FieldError> errors = new ArrayList<>();
        requireText(errors, "reason", reason, REASON_MAX, "say why the system is revoked");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        requireMayKeep(by, require(clientId));
        if (!store.revoke(clientId, by.login(), now(), reason.strip())) {
            throw revoked(clientId);
        }
        RegisteredSystem system = require(clientId);
        auditTrail.record(AuditEntry.ok(AuditAction.SYSTEM_REVOKED, OBJECT_TYPE, clientId)
                .with("department", system.department()).with("reason", system.revocationReason()));
        return system;
    }

    /** The caller these credentials prove, if the client id is an active system's and the secret its current one. */
    public Optional<SystemCaller> authenticate(String clientId, String secret) {
        if (!SystemCaller.isClientId(clientId) || secret == null) {
            return Optional.empty();
        }
        return store.findActive(clientId).filter(s -> ClientCredentials.matches(secret, s.secretHash()))
                .map(RegisteredSystemStore.ActiveSystem::caller);
    }

    /** Whether the client id names an active system of the department, e.g. a user named in a grant. */
    public boolean isActiveSystemOf(String clientId, String department) {
        return find(clientId).filter(s -> s.status() == Status.ACTIVE && s.department().equals(department)).isPresent();
    }

    public Optional<RegisteredSystem> find(String clientId) {
        return store.find(clientId);
    }

    private RegisteredSystem require(String clientId) {
        return find(clientId).orElseThrow(() -> new NotFoundException("registered system", clientId));
    }

    /** Departments that apply for and provide data register systems; officials who do that work register them. */
    private void requireMayRegister(Official by) {
        if (!by.has(Role.APPLICANT) && !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("systems are registered by a department's APPLICANT or PROVIDER_REVIEWER officials");
        }
        Department department = departments.require(by.department());
        if (department.kind() != DepartmentKind.ADMINISTRATIVE) {
            throw new AccessDeniedException("only administrative departments register systems; " + department.code()
                    + " is " + department.kind());
        }
    }

    private static void requireMaySee(Official by, String department) {
        if (!department.equals(by.department()) && !by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("the registered systems of " + department + " are seen by its officials"
                    + " and the sharing authority, not by " + by.department());
        }
    }

    private static void requireMayKeep(Official by, RegisteredSystem system) {
        requireMaySee(by, system.department());
        if (!by.has(Role.AUTHORITY) && !by.has(Role.APPLICANT) && !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("a department's systems are kept by its APPLICANT or PROVIDER_REVIEWER officials");
        }
    }

    private static ConflictException revoked(String clientId) {
        return new ConflictException("status", "system-revoked", "registered system " + clientId
                + " is revoked, and stays so; register a new system instead");
    }

    private static void requireText(List<FieldError> errors, String field, String value, int max, String what) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", field + " is required: " + what));
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "too-long", field + " has " + value.strip().length()
                    + " characters; at most " + max + " are allowed"));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
