package org.govshare.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.catalog.CatalogListing;
import org.govshare.catalog.SharingMethod;
import org.govshare.dataset.DatasetStore.Current;
import org.govshare.dataset.DatasetStore.Stored;
import org.govshare.dataset.RecordSchema.CheckedRecord;
import org.govshare.identity.Caller;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hosted datasets (Art. 10, 11): a provider pushes the records of a published HOSTED_DATASET resource, every
 * accepted push is a new data version, and data access reads the current version's records.
 *
 * <p>A push is one transaction: checked and written in batches while the body streams in, and rolled back whole
 * when any record breaks a rule, so readers see the previous version until the new one commits, and never half.
 */
@Service
public class HostedDatasets {

    /** The body formats a push may come in. */
    enum Format { JSON, CSV }

    private static final int MAX_PAGE_SIZE = 1000;
    private static final TypeReference<LinkedHashMap<String, Object>> RECORD = new TypeReference<>() { };

    private final Catalog catalog;
    private final DatasetStore store;
    private final AuditTrail auditTrail;
    private final DatasetProperties properties;
    private final ObjectMapper json;
    private final ObjectReader records;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    HostedDatasets(Catalog catalog, DatasetStore store, AuditTrail auditTrail, DatasetProperties properties,
                   ObjectMapper json, Clock clock, PlatformTransactionManager transactions,
                   ApplicationEventPublisher events) {
        this.events = events;
        this.catalog = catalog;
        this.store = store;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.json = json;
        this.records = json.readerFor(RECORD).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Refuses, before any body is read, a caller who may not push to the resource and a resource that takes no
     * pushes: only the provider's PROVIDER_REVIEWER officials and registered systems push, and only to a published
     * HOSTED_DATASET resource with a key.
     */
    CatalogEntry checkPush(Caller by, String code) {
        CatalogListing listing = catalog.current(code).orElseThrow(() -> new NotFoundException("resource", code));
        CatalogEntry entry = listing.entry();
        String provider = entry.providerDepartment();
        boolean providerSide = provider.equals(by.department())
                && (by.isSystem() || by instanceof Official official && official.has(Role.PROVIDER_REVIEWER));
        if (!providerSide) {
            throw new AccessDeniedException("only " + provider + "'s PROVIDER_REVIEWER officials and registered systems push"
                    + " data to " + code);
        }
        if (!"PUBLISHED".equals(listing.status())) {
            throw new ConflictException("resourceCode", "push-published-only", code + " is " + listing.status()
                    + "; data is pushed to published resources only");
        }
        if (entry.sharingMethod() != SharingMethod.HOSTED_DATASET) {
            throw new ConflictException("resourceCode", "hosted-dataset-only", code + " is shared as "
                    + entry.sharingMethod() + ": consumers reach it at the provider, the platform holds no records of it");
        }
        if (entry.items().stream().noneMatch(DataItem::isKey)) {
            throw new ConflictException("resourceCode", "key-required", code
                    + " declares no key item; submit a catalog change marking the items that identify a record");
        }
        return entry;
    }

    /**
     * Checks and stores a push, all or nothing, as the resource's next version.
     *
     * @throws PushErrors.RefusedPush listing the first errors when any record breaks a rule; nothing is written
     */
    DataVersion push(Caller by, String code, PushMode mode, Format format, InputStream body) {
        // made in a transaction of its own: a concurrent first push that made it too must not fail the push
        transaction.executeWithoutResult(status -> store.create(code));
        return transaction.execute(status -> {
            try {
                return pushLocked(by, code, mode, format, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private DataVersion pushLocked(Caller by, String code, PushMode mode, Format format, InputStream body) throws IOException {
        CatalogEntry entry = checkPush(by, code);
        Current current = store.lock(code);
        Push push = new Push(code, current.version() + 1, new RecordSchema(entry, properties.zone(), json),
                new PushErrors(properties.maxErrors()));
        Reader text = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        PushedRecords pushed = format == Format.CSV ? new CsvRecords(text, push.schema, push.errors)
                : new JsonRecords(json.getFactory(), text, push.schema, push.errors);
        long count = 0;
        try {
            for (PushedRecords.Raw raw = pushed.next(); raw != null; raw = pushed.next()) {
                count++;
                push.add(push.schema.check(raw, push.errors));
            }
        } catch (CharacterCodingException e) {
            // strict, so a file saved in GBK (Excel's default "CSV" on a Chinese Windows) is refused, not garbled; the
            // decoder reads ahead by a few kilobytes, so the row is where reading was when it found the bad bytes
            push.errors.add(pushed.row(), "body", "utf-8", "the body is not UTF-8 (at or shortly after row " + pushed.row()
                    + "); save it as UTF-8 (in Excel: \"CSV UTF-8 (逗号分隔)\")");
        } catch (PushedRecords.Unreadable e) {
            push.errors.add(e.row(), "body", e.rule(), e.getMessage());
        }
        push.flush();
        if (count == 0 && !push.errors.any()) {
            push.errors.add(0, "body", "no-records", "the push holds no records; a REPLACE with none would empty the"
                    + " dataset, so it is refused (send at least one record)");
        }
        if (push.errors.any()) {
            throw push.errors.refusal();
        }
        long removed = mode == PushMode.REPLACE ? store.removeNotCarried(code, push.version) : 0;
        DataVersion version = new DataVersion(code, push.version, clock.instant().truncatedTo(ChronoUnit.MICROS), by.id(),
                mode, push.added, push.changed, removed, current.records() + push.added - removed);
        store.insertVersion(version);
        events.publishEvent(new DataVersionPushed(code, version.version(), version.createdAt()));
        // last, so the audit chain's head is locked for the commit only, not for the whole push
        auditTrail.record(AuditEntry.ok(AuditAction.DATA_PUSHED, "hosted-dataset", code).with("resource", code)
                .with("version", version.version()).with("mode", mode).with("added", version.added())
                .with("changed", version.changed()).with("removed", version.removed()).with("total", version.total()));
        return version;
    }

    /** Versions of a resource's data, newest first: every official, and the provider's registered systems. */
    public List<DataVersion> versions(Caller by, String code, int page, int size) {
        CatalogEntry entry = catalog.current(code).orElseThrow(() -> new NotFoundException("resource", code)).entry();
        if (by.isSystem() && !entry.providerDepartment().equals(by.department())) {
            throw new AccessDeniedException("a registered system reads the versions of its own department's resources only");
        }
        // the counts of each push tell how much changed, hidden items included: the provider's and the supervisors'
        // business; a consumer sees each read's dataVersion and dataAsOf
        boolean supervises = by instanceof Official official && (official.has(Role.AUTHORITY) || official.has(Role.SUPERVISOR));
        if (!supervises && !entry.providerDepartment().equals(by.department())) {
            throw new AccessDeniedException("the versions of " + code + " are read by " + entry.providerDepartment()
                    + ", the authority and supervisors; a consumer sees each read's dataVersion and dataAsOf");
        }
        return store.versions(code, page, size);
    }

    /**
     * A page of the current version's records matching every filter, ordered by key.
     *
     * @param page 0, 1, 2 …
     * @param size records per page, 1 to 1000
     * @throws NotFoundException when nothing was ever pushed for the resource
     * @throws InvalidInputException naming the item of a filter that is unknown or whose value is not of its type
     */
    public DataSlice read(String resourceCode, List<ItemFilter> filters, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "min", "pages are counted from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "range", "a page holds 1 to " + MAX_PAGE_SIZE + " records");
        }
        return slice(resourceCode, filters, Long.MAX_VALUE, page, size, null, null);
    }

    /**
     * Every record of the current version matching every filter, for a reader that orders them itself; refused when
     * more than {@code atMost} match, before any is read.
     *
     * @throws InvalidInputException naming {@code field} when more than {@code atMost} records match
     */
    public DataSlice readMatching(String resourceCode, List<ItemFilter> filters, int atMost, String field, String why) {
        return slice(resourceCode, filters, atMost, 0, Math.max(atMost, 1), field, why);
    }

    private DataSlice slice(String resourceCode, List<ItemFilter> filters, long atMost, int page, int size, String field,
                            String why) {
        CatalogEntry entry = catalog.current(resourceCode)
                .orElseThrow(() -> new NotFoundException("resource", resourceCode)).entry();
        DatasetQuery query = DatasetQuery.of(resourceCode, new RecordSchema(entry, properties.zone(), json), filters);
        DatasetStore.Sliced sliced = store.slice(query, atMost, page, size)
                .orElseThrow(() -> new NotFoundException("hosted dataset", resourceCode));
        if (sliced.total() > atMost) {
            throw new InvalidInputException(field, "too-many-to-order", sliced.total() + " records match; " + why
                    + " at most " + atMost + ": filter further");
        }
        // a version's row never changes once made, so reading it apart takes nothing from the slice's snapshot
        DataVersion version = store.version(resourceCode, sliced.version())
                .orElseThrow(() -> new IllegalStateException("version " + sliced.version() + " of " + resourceCode
                        + " is current but not in dataset_version"));
        List<Map<String, Object>> records = sliced.records().stream().<Map<String, Object>>map(this::record).toList();
        return new DataSlice(version.version(), version.createdAt(), sliced.total(), records);
    }

    /** A page a reader chose from an order of one version it keeps: the keys on the page, and how many match in all. */
    public record ChosenPage(List<String> keys, long total) {
    }

    /**
     * The records of a page chosen by key from an order the reader keeps of the current version ({@code choose} is
     * given that version and says whether it keeps an order of it), in the chosen order; empty when it keeps none, or
     * when a push made another version current meanwhile.
     */
    public Optional<DataSlice> readChosen(String resourceCode, IntFunction<Optional<ChosenPage>> choose) {
        Optional<DataVersion> current = store.currentVersion(resourceCode);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        DataVersion version = current.get();
        Optional<ChosenPage> chosen = choose.apply(version.version());
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        List<String> keys = chosen.get().keys();
        Map<String, String> found = keys.isEmpty() ? Map.of() : store.atVersion(resourceCode, version.version(), keys);
        if (found.size() != keys.size()) {
            return Optional.empty();
        }
        List<Map<String, Object>> records = keys.stream().map(found::get).<Map<String, Object>>map(this::record).toList();
        return Optional.of(new DataSlice(version.version(), version.createdAt(), chosen.get().total(), records));
    }

    /**
     * The stored keys of records given as item name → value (a data answer's records, a reported record's key items),
     * in their order.
     *
     * @throws InvalidInputException naming {@code field} when a key item has no value or one not of its type
     */
    public List<String> keysOf(String resourceCode, List<? extends Map<String, ?>> given, String field) {
        return keysOf(catalog.current(resourceCode).orElseThrow(() -> new NotFoundException("resource", resourceCode))
                .entry(), given, field);
    }

    /** As {@link #keysOf(String, List, String)}, for a caller that holds the resource's catalog entry already. */
    public List<String> keysOf(CatalogEntry entry, List<? extends Map<String, ?>> given, String field) {
        RecordSchema schema = new RecordSchema(entry, properties.zone(), json);
        return given.stream().map(r -> schema.keyOf(r, field)).toList();
    }

    /** The version data access reads now, if anything was ever pushed. */
    public Optional<Integer> currentVersion(String resourceCode) {
        return store.current(resourceCode).map(Current::version);
    }

    /** One version of a resource's data. */
    public Optional<DataVersion> version(String resourceCode, int version) {
        return store.version(resourceCode, version);
    }

    private Map<String, Object> record(String content) {
        try {
            return records.readValue(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored record in dataset_record is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * One push under way: checked records wait in a batch of {@code govshare.datasets.batch-size}, are compared with
     * what is stored under their keys, and written. Only the batch is held in memory; a key pushed twice is found
     * within the batch, or by the stored record already carrying this push's version.
     */
    private final class Push {
        final String code;
        final int version;
        final RecordSchema schema;
        final PushErrors errors;
        final Map<String, CheckedRecord> batch = new LinkedHashMap<>();
        long added;
        long changed;

        Push(String code, int version, RecordSchema schema, PushErrors errors) {
            this.code = code;
            this.version = version;
            this.schema = schema;
            this.errors = errors;
        }

        void add(CheckedRecord record) {
            if (record == null) {
                return;
            }
            CheckedRecord earlier = batch.putIfAbsent(record.key(), record);
            if (earlier != null) {
                duplicate(record, "row " + earlier.row());
            } else if (batch.size() >= properties.batchSize()) {
                flush();
            }
        }

        void flush() {
            Map<String, Stored> stored = store.stored(code, batch.keySet());
            List<CheckedRecord> inserts = new ArrayList<>();
            List<CheckedRecord> changes = new ArrayList<>();
            List<String> carried = new ArrayList<>();
            for (CheckedRecord record : batch.values()) {
                Stored before = stored.get(record.key());
                if (before == null) {
                    inserts.add(record);
                } else if (before.pushedIn() == version) {
                    duplicate(record, "an earlier row");
                } else if (!before.hash().equals(record.hash())) {
                    changes.add(record);
                } else {
                    carried.add(record.key());
                }
            }
            store.insert(code, version, inserts);
            store.change(code, version, changes);
            store.carried(code, version, carried);
            added += inserts.size();
            changed += changes.size();
            batch.clear();
        }

        private void duplicate(CheckedRecord record, String where) {
            List<String> keyItems = schema.names().stream().filter(n -> schema.isKey(schema.position(n))).toList();
            errors.add(record.row(), String.join("+", keyItems), "duplicate-key", "the key "
                    + record.key().replace(RecordSchema.KEY_SEPARATOR, ", ") + " is also on " + where
                    + "; a push holds each record once");
        }
    }
}
