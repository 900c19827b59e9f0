package org.govshare.sharingchange;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Today;
import org.govshare.catalog.RetirementCheck;
import org.govshare.grant.Grants;
import org.govshare.platform.web.ConflictException;
import org.govshare.provider.ServiceChangeCheck;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the catalog and the provider services ask before a provider ends or changes what live grants rely on
 * (national regulation Art. 27): while the pack has the step {@code retirement-consultation}, a retirement asked in the
 * catalog, or a new address or new parameters of a registered service, is refused with {@code consult-holders-first}
 * unless the holders were consulted and the filing accepted. A resource no live grant relies on is the provider's to
 * retire or change as before, and so is everything under a pack without the step.
 */
@Component
class ConsultHoldersFirst implements RetirementCheck, ServiceChangeCheck {

    private final SharingChangeStore store;
    /** Resolved when asked: the catalog asks this check, and grants reach the catalog through the datasets. */
    private final ObjectProvider<Grants> grants;
    private final PackInForce pack;
    private final AuditTrail auditTrail;
    private final Today today;

    ConsultHoldersFirst(SharingChangeStore store, ObjectProvider<Grants> grants, PackInForce pack, AuditTrail auditTrail, Today today) {
        this.store = store;
        this.grants = grants;
        this.pack = pack;
        this.auditTrail = auditTrail;
        this.today = today;
    }

    /** A retirement asked in the catalog: refused while live grants rely on the resource (an accepted one retires it itself). */
    @Override
    public void beforeRetirement(String code, String providerDepartment) {
        if (applies(code)) {
            throw new ConflictException("code", "consult-holders-first", code + " has live grants: consult their holders"
                    + " and file the retirement with the authority first (POST /api/sharing-changes, Art. 27)");
        }
    }

    /** A revision of a resource whose filed retirement is open: refused, so that the retirement takes it out as filed. */
    @Override
    public void beforeChange(String code) {
        store.openRetirementFor(code).ifPresent(filing -> {
            throw new ConflictException("code", "retirement-filed", code + " is being retired under filing " + filing
                    + " (Art. 27): it leaves the catalog as filed, and takes no revision while the filing is open");
        });
    }

    /**
     * A change of a service live grants rely on: refused unless a filed change is in effect, which is then recorded
     * as made, so that one filing serves one change.
     */
    @Override
    public void changing(String resourceCode, String providerDepartment) {
        if (!applies(resourceCode)) {
            return;
        }
        String filing = store.serviceChangeInEffect(resourceCode).orElseThrow(() -> new ConflictException("url",
                "consult-holders-first", "the service of " + resourceCode + " has live grants relying on it: consult their"
                + " holders and file the change with the authority first (POST /api/sharing-changes, Art. 27)"));
        store.setChangeMade(filing, today.now());
        auditTrail.record(AuditEntry.ok(AuditAction.SHARING_CHANGE_MADE, SharingChanges.KIND.objectType(), filing)
                .with("kind", SharingChange.Kind.SERVICE_CHANGE).with("resource", resourceCode));
    }

    private boolean applies(String resourceCode) {
        return pack.on(OptionalStep.RETIREMENT_CONSULTATION) && !grants.getObject().live(null, null, resourceCode).isEmpty();
    }
}
