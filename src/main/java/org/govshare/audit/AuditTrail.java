package org.govshare.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.govshare.platform.CorrelationId;
import org.govshare.platform.database.TransactionState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one audit trail every feature writes to.
 *
 * <p>An event joins the transaction of the change it records, so the two are stored together or not at all: the
 * events of a transaction are inserted together as it commits. A refusal is recorded after the refused work has
 * rolled back, in a transaction of its own. Appending takes no lock: the {@link AuditChainer} links committed events
 * to the hash chain right after.
 */
@Service
public class AuditTrail {

    private final AuditEventStore store;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final ObjectMapper canonicalJson;
    private final AuditChainer chainer;

    AuditTrail(AuditEventStore store, CurrentActor currentActor, Clock clock, ObjectMapper objectMapper,
               AuditChainer chainer) {
        this.store = store;
        this.chainer = chainer;
        this.currentActor = currentActor;
        this.clock = clock;
        this.canonicalJson = objectMapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEvent record(AuditEntry entry) {
        Actor actor = entry.actor() != null ? entry.actor() : currentActor.get();
        String correlationId = CorrelationId.current();
        AuditEvent event = new AuditEvent(0, UUID.randomUUID().toString(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), truncate(actor.id(), 128), actor.department(),
                entry.action(), truncate(entry.objectType(), 64), truncate(entry.objectId(), 256), entry.outcome(),
                truncate(entry.reason(), 2000),
                correlationId != null ? correlationId : UUID.randomUUID().toString(), json(entry), null, null);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.append(List.of(event));
            chainer.appended();
        } else if (!batchOfThisTransaction().add(event)) {
            // recorded while the transaction is committing, after its batch went in: it goes in by itself
            store.append(List.of(event));
        }
        return event;
    }

    /**
     * The events a transaction records go in together, in one round trip, just before it commits, in the order
     * they were recorded; they are stored with the change they record or not at all, as before. The chainer is told
     * once the transaction has committed, so the chain follows closely.
     */
    private final class Batch implements TransactionSynchronization {

        private final List<AuditEvent> events = new java.util.ArrayList<>();
        private boolean stored;

        boolean add(AuditEvent event) {
            if (stored) {
                return false;
            }
            events.add(event);
            return true;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            stored = true;
            store.append(events);
        }

        @Override
        public void afterCommit() {
            chainer.appended();
        }
    }

    /** The batch of the transaction in progress (a transaction suspended for a nested one keeps its own). */
    private Batch batchOfThisTransaction() {
        return TransactionState.of(Batch.class, batch -> true, Batch::new);
    }

    /** One event by its id, chained or not yet; empty when there is none. */
    public Optional<AuditEvent> find(String eventId) {
        return store.find(eventId);
    }

    /**
     * The chained events about any of these objects (a case number, a grant, a seal record), up to event
     * {@code lastSeq}, in chain order, with their stored fields and hashes: what an evidence package carries. Events
     * not yet chained are left out, since they have no place to prove.
     */
    @Transactional(readOnly = true)
    public List<AuditEvent> eventsAbout(Collection<String> objectIds, long lastSeq) {
        return objectIds.isEmpty() ? List.of() : store.about(List.copyOf(objectIds), lastSeq);
    }

    /** Who is acting now (the platform API's official, the engine's authenticated user, or the platform). */
    public Actor currentActor() {
        return currentActor.get();
    }

    private String json(AuditEntry entry) {
        try {
            return canonicalJson.writeValueAsString(new TreeMap<>(entry.details()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details of " + entry.action() + " are not serialisable as JSON", e);
        }
    }

    /** Caller-supplied text (paths, claimed logins, file names) is cut to fit rather than lose the event. */
    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }
}
