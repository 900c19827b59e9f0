package org.govshare.grant;

import java.time.Instant;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Deadline;
import org.govshare.calendar.WorkdayCalendar;
import org.govshare.dataset.DataVersionPushed;
import org.govshare.dataset.HostedDatasets;
import org.govshare.provider.ProviderServiceRegistered;
import org.govshare.provider.ProviderServices;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivery of data agreed on (national Art. 22): a grant made on a resource whose data is not on the platform yet
 * (no data version pushed, no service registered) is given a delivery deadline when the pack turns the step on; the
 * first version pushed or the service registered delivers it to every grant waiting for it. Lateness is found by the
 * daily detection ({@link DeliveryFigures}), so that it is one violation per grant however long it lasts.
 */
@Component
class Deliveries {

    private final PackInForce pack;
    private final WorkdayCalendar workdays;
    private final HostedDatasets datasets;
    private final ProviderServices services;
    private final GrantStore store;
    private final AuditTrail auditTrail;

    Deliveries(PackInForce pack, WorkdayCalendar workdays, HostedDatasets datasets, ProviderServices services,
               GrantStore store, AuditTrail auditTrail) {
        this.pack = pack;
        this.workdays = workdays;
        this.datasets = datasets;
        this.services = services;
        this.store = store;
        this.auditTrail = auditTrail;
    }

    /** When the data of a grant issued now must be on the platform; null when it is there already or the step is off. */
    Instant dueFor(String resourceCode, Instant issuedAt) {
        if (!pack.on(OptionalStep.DELIVERY_DEADLINE) || datasets.currentVersion(resourceCode).isPresent()
                || services.registered(resourceCode)) {
            return null;
        }
        return workdays.due(Deadline.DELIVERY, issuedAt);
    }

    @EventListener
    void pushed(DataVersionPushed pushed) {
        delivered(pushed.resourceCode(), pushed.at(), "version:" + pushed.version());
    }

    @EventListener
    void registered(ProviderServiceRegistered registered) {
        delivered(registered.resourceCode(), registered.at(), "provider-service");
    }

    private void delivered(String resourceCode, Instant at, String by) {
        store.delivered(resourceCode, at).forEach(id -> auditTrail.record(AuditEntry.ok(AuditAction.GRANT_DELIVERED,
                "grant", id).with("resource", resourceCode).with("deliveredBy", by)));
    }
}
