package org.govshare.grant;

import java.time.Instant;
import java.util.List;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Today;
import org.govshare.identity.Caller;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.identity.Workgroups;
import org.govshare.notice.Notices;
import org.govshare.cases.CaseNumbers;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.HiddenException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants (Art. 20): issued by a decided sharing request, revoked by the provider or the authority with a reason,
 * expiring by themselves after their last day. The consumer and the provider department see theirs; the authority
 * sees all.
 */
@Service
public class Grants {

    public static final String SOURCE_REQUEST = "sharing-request";

    private final GrantStore store;
    private final CaseNumbers numbers;
    private final AuditTrail auditTrail;
    private final Notices notices;
    private final Workgroups workgroups;
    private final Today today;
    private final Deliveries deliveries;
    private final PackInForce pack;
    private final ApplicationEventPublisher events;

    Grants(GrantStore store, CaseNumbers numbers, AuditTrail auditTrail, Notices notices, Workgroups workgroups, Today today,
           Deliveries deliveries, PackInForce pack, ApplicationEventPublisher events) {
        this.deliveries = deliveries;
        this.pack = pack;
        this.events = events;
        this.store = store;
        this.numbers = numbers;
        this.auditTrail = auditTrail;
        this.notices = notices;
        this.workgroups = workgroups;
        this.today = today;
    }

    /** Issues a grant on the terms a decision set; called by the step that decided, in its transaction. */
    public Grant issue(NewGrant terms) {
        Instant now = today.now();
        Grant grant = new Grant(numbers.next("SQ"), terms.consumerDepartment(), terms.providerDepartment(),
                terms.resourceCode(), terms.resourceName(), terms.items(), terms.purpose(), terms.duty(), terms.conditions(),
                terms.officials(), terms.systems(), terms.validFrom(), terms.validUntil(), terms.sourceType(),
                terms.sourceId(), now, Grant.Status.ACTIVE, null, null, null, terms.unmaskedItems(),
                terms.verificationKeys(), deliveries.dueFor(terms.resourceCode(), now), null).asOf(today.date());
        store.insert(grant);
        auditTrail.record(AuditEntry.ok(AuditAction.GRANT_ISSUED, "grant", grant.id())
                .with("consumer", grant.consumerDepartment()).with("resource", grant.resourceCode())
                .with("items", grant.items()).with("unmasked", grant.unmaskedItems())
                .with("verificationKeys", grant.verificationKeys()).with("validFrom", grant.validFrom().toString())
                .with("validUntil", grant.validUntil().toString()).with("source", grant.sourceType() + ":" + grant.sourceId())
                .with("deliveryDue", grant.deliveryDue() == null ? null : grant.deliveryDue().toString()));
        return grant;
    }

    /** The provider's catalog keepers or the authority withdraw a grant, saying why; the consumer is told. */
    @Transactional
    public Grant revoke(Official by, String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "revocation-needs-reason", "say why the grant is revoked");
        }
        Grant grant = store.lock(id).orElseThrow(() -> new NotFoundException("grant", id)).asOf(today.date());
        boolean provider = grant.providerDepartment().equals(by.department()) && by.has(Role.PROVIDER_REVIEWER);
        if (!provider && !by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("a grant is revoked by the provider's PROVIDER_REVIEWER officials or the authority");
        }
        if (grant.ended()) {
            throw new ConflictException("status", "revoke-valid-grants-only", "grant " + id + " is " + grant.status());
        }
        store.end(id, Grant.Status.REVOKED, by.login(), today.now(), reason.strip());
        events.publishEvent(new GrantEnded(id, Grant.Status.REVOKED, today.now()));
        auditTrail.record(AuditEntry.ok(AuditAction.GRANT_REVOKED, "grant", id).because(reason.strip())
                .with("consumer", grant.consumerDepartment()).with("resource", grant.resourceCode()));
        notices.send(workgroups.of(grant.consumerDepartment(), Role.APPLICANT.name()), "GRANT_REVOKED",
                "授权已撤销 Grant " + id + " revoked", grant.resourceName() + ": " + reason.strip(), "grant", id);
        return find(id);
    }

    /**
     * Terminates a grant under Art. 27 of the national regulation, in the caller's transaction: its holder did not
     * rectify the misuse it was suspended for, or its resource was retired after consultation. The caller (the
     * suspension or the retirement) has checked who may; a grant that has ended meanwhile stays as it ended.
     *
     * @param by who decided, or {@code system} for a deadline that passed
     * @return whether the grant was terminated now
     */
    public boolean terminate(String by, String id, String reason) {
        Grant grant = store.lock(id).orElseThrow(() -> new NotFoundException("grant", id)).asOf(today.date());
        if (grant.ended()) {
            return false;
        }
        store.end(id, Grant.Status.TERMINATED, by, today.now(), reason);
        // a terminated grant's data is disposed of like any ended grant's (national Art. 27)
        events.publishEvent(new GrantEnded(id, Grant.Status.TERMINATED, today.now()));
        auditTrail.record(AuditEntry.ok(AuditAction.GRANT_TERMINATED, "grant", id).because(reason)
                .with("consumer", grant.consumerDepartment()).with("resource", grant.resourceCode()));
        notices.send(workgroups.of(grant.consumerDepartment(), Role.APPLICANT.name()), "GRANT_TERMINATED",
                "授权已终止 Grant " + id + " terminated", grant.resourceName() + ": " + reason, "grant", id);
        return true;
    }

    /**
     * The grants not ended today (active, or still to start), optionally only a consumer's, a provider's or one
     * resource's (null: any): what a suspension or a retirement concerns.
     */
    public List<Grant> live(String consumerDepartment, String providerDepartment, String resourceCode) {
        return store.live(consumerDepartment, providerDepartment, resourceCode, today.date()).stream()
                .map(g -> g.asOf(today.date())).filter(g -> !g.ended()).toList();
    }

    /** Records as expired every grant whose last day has passed; returns how many. */
    @Transactional
    public int expireDue() {
        List<String> expired = store.expireBefore(today.date(), today.now());
        expired.forEach(id -> {
            auditTrail.record(AuditEntry.ok(AuditAction.GRANT_EXPIRED, "grant", id).because("its last day has passed"));
            events.publishEvent(new GrantEnded(id, Grant.Status.EXPIRED, today.now()));
        });
        return expired.size();
    }

    /**
     * The holder declares the purpose of a grant met before its last day (national Art. 27): the grant ends, and
     * what follows an end (disposal of the data) begins. Its APPLICANT officials declare it, with a note.
     */
    @Transactional
    public Grant declarePurposeMet(Official by, String id, String note) {
        pack.require(OptionalStep.DISPOSAL_ATTESTATION);
        Grant grant = store.lock(id).orElseThrow(() -> new NotFoundException("grant", id)).asOf(today.date());
        if (!grant.consumerDepartment().equals(by.department()) || !by.has(Role.APPLICANT)) {
            throw new AccessDeniedException("the purpose of a grant is declared met by its holder's APPLICANT officials");
        }
        if (grant.status().ended()) {
            throw new ConflictException("status", "grant-ended", "grant " + id + " is " + grant.status()
                    + " already: it has ended");
        }
        store.purposeMet(id);
        auditTrail.record(AuditEntry.ok(AuditAction.GRANT_PURPOSE_MET, "grant", id).because(note)
                .with("provider", grant.providerDepartment()).with("resource", grant.resourceCode()));
        notices.send(workgroups.of(grant.providerDepartment(), Role.PROVIDER_REVIEWER.name()), "GRANT_PURPOSE_MET",
                "授权用途已完成 Grant " + id + " ended: purpose met", grant.resourceName() + ": " + note, "grant", id);
        events.publishEvent(new GrantEnded(id, Grant.Status.PURPOSE_MET, today.now()));
        return find(id);
    }

    /** Every grant a department holds or held for a resource, in any state, the latest last day first. */
    public List<Grant> everHeldBy(String department, String resourceCode) {
        return store.forResource(department, resourceCode).stream().map(g -> g.asOf(today.date())).toList();
    }

    /** The valid grants a department holds for a resource today. */
    public List<Grant> heldBy(String department, String resourceCode) {
        return store.valid(department, resourceCode, today.date()).stream()
                .map(g -> g.asOf(today.date())).filter(g -> g.validOn(today.date())).toList();
    }

    public Grant find(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("grant", id)).asOf(today.date());
    }

    /** A grant as its consumer, its provider or the authority sees it (a registered system: its department's). */
    public Grant visibleTo(Caller by, String id) {
        Grant grant = find(id);
        if (!isParty(by, grant)) {
            throw new AccessDeniedException("a grant is seen by its consumer, its provider and the authority");
        }
        return grant;
    }

    /**
     * A grant to its consumer, its provider and the authority; to anyone else the same 404 as for a grant that does
     * not exist (audited as the refusal it is), for what hangs on a grant and must not tell that it exists.
     */
    public Grant hiddenUnlessParty(Caller by, String id) {
        Grant grant = find(id);
        if (!isParty(by, grant)) {
            throw new HiddenException("grant", id);
        }
        return grant;
    }

    private static boolean isParty(Caller by, Grant grant) {
        return isAuthority(by) || grant.consumerDepartment().equals(by.department())
                || grant.providerDepartment().equals(by.department());
    }

    /**
     * Grants as an official may list them: {@code side} consumer or provider of their department (the authority may
     * leave it out and see all), optionally only those in a state.
     */
    public List<Grant> list(Caller by, String side, Grant.Status status, int page, int size) {
        String column = side == null ? null : switch (side) {
            case "consumer" -> "consumer_department";
            case "provider" -> "provider_department";
            default -> throw new InvalidInputException("side", "unknown-value", "side is consumer or provider");
        };
        if (column == null && !isAuthority(by)) {
            column = "consumer_department";
        }
        return store.list(column, by.department(), status, today.date(), page, size).stream()
                .map(g -> g.asOf(today.date())).toList();
    }

    private static boolean isAuthority(Caller caller) {
        return caller instanceof Official official && official.has(Role.AUTHORITY);
    }
}
