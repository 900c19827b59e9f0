package org.govshare.usage;

import static org.govshare.platform.FormValues.blank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Today;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.identity.Caller;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.rules.PackSetting;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage records (national Art. 29): the holder of a grant records how it used the data (scenario, process, results,
 * storage, destruction, with files); the holder, the provider and the authority read them, and anyone else learns
 * nothing, not even that the grant exists. Each is kept until the day fixed when it was recorded (the pack's
 * {@code usage-record-retention} after it); only then may the holder delete it. Nothing of this exists when the pack
 * leaves the step off.
 */
@Service
public class UsageRecords {

    private static final int MAX_TEXT = 4000;

    private final UsageRecordStore store;
    private final Grants grants;
    private final PackInForce pack;
    private final AuditTrail auditTrail;
    private final Today today;
    private final UsageRecordsProperties properties;

    UsageRecords(UsageRecordStore store, Grants grants, PackInForce pack, AuditTrail auditTrail, Today today,
                 UsageRecordsProperties properties) {
        this.store = store;
        this.grants = grants;
        this.pack = pack;
        this.auditTrail = auditTrail;
        this.today = today;
        this.properties = properties;
    }

    /** The holder's APPLICANT officials add a record to a grant, with up to the configured number of files. */
    @Transactional
    public UsageRecord add(Official by, String grantId, NewUsageRecord written, List<EvidenceFile> files) {
        Grant grant = seenBy(by, grantId);
        requireHolder(by, grant, "added");
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Map.of("scenario", nullToEmpty(written.scenario()), "process", nullToEmpty(written.process()),
                "results", nullToEmpty(written.results()), "storage", nullToEmpty(written.storage()),
                "destruction", nullToEmpty(written.destruction())).forEach((field, text) -> {
                    if (blank(text)) {
                        errors.add(new InvalidInputException.FieldError(field, "required", "say it: a usage record names"
                                + " the scenario, the process, the results, the storage and the destruction (Art. 29)"));
                    } else if (text.length() > MAX_TEXT) {
                        errors.add(new InvalidInputException.FieldError(field, "max-length", "at most " + MAX_TEXT
                                + " characters"));
                    }
                });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().sorted(java.util.Comparator
                    .comparing(InvalidInputException.FieldError::field)).toList());
        }
        List<EvidenceFile> attached = files == null ? List.of() : files;
        if (attached.size() > properties.maxFiles()) {
            throw new InvalidInputException("files", "max-files", "at most " + properties.maxFiles()
                    + " files to a usage record; " + attached.size() + " were sent");
        }
        List<EvidenceFile.Checked> checked = new ArrayList<>();
        for (int i = 0; i < attached.size(); i++) {
            checked.add(attached.get(i).checked("files[" + i + "]", properties.maxFileSize(), properties.fileTypes()));
        }
        LocalDate keptUntil = today.date().plus(pack.get().period(PackSetting.USAGE_RECORD_RETENTION));
        NewUsageRecord stripped = new NewUsageRecord(written.scenario().strip(), written.process().strip(),
                written.results().strip(), written.storage().strip(), written.destruction().strip());
        long id = store.insert(grantId, stripped, by.login(), today.now(), keptUntil);
        for (int i = 0; i < checked.size(); i++) {
            store.attach(id, checked.get(i), attached.get(i).content());
        }
        auditTrail.record(AuditEntry.ok(AuditAction.USAGE_RECORD_ADDED, "grant", grantId).with("record", id)
                .with("files", checked.stream().map(EvidenceFile.Checked::name).toList())
                .with("keptUntil", keptUntil.toString()));
        return store.ofGrant(grantId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /** A grant's records, newest first, to its holder, its provider and the authority. */
    public List<UsageRecord> of(Caller by, String grantId) {
        seenBy(by, grantId);
        return store.ofGrant(grantId);
    }

    /** A file of a record, to those who read the records; each download is audited. */
    @Transactional
    public Download file(Caller by, String grantId, long recordId, long fileId) {
        seenBy(by, grantId);
        var file = store.file(grantId, recordId, fileId)
                .orElseThrow(() -> new NotFoundException("usage record file", recordId + "/" + fileId));
        auditTrail.record(AuditEntry.ok(AuditAction.USAGE_RECORD_FILE_READ, "grant", grantId).with("record", recordId)
                .with("file", file.getKey().name()));
        return new Download(file.getKey(), file.getValue());
    }

    /** A file with its bytes. */
    public record Download(UsageRecord.File file, byte[] content) {
    }

    /**
     * The holder deletes a record whose retention is over; one still kept is refused, naming the first day it may go
     * (Art. 29: kept at least as long as the pack says).
     */
    @Transactional
    public void delete(Official by, String grantId, long recordId) {
        Grant grant = seenBy(by, grantId);
        requireHolder(by, grant, "deleted");
        UsageRecord record = store.lock(grantId, recordId)
                .orElseThrow(() -> new NotFoundException("usage record", grantId + "/" + recordId));
        if (!today.date().isAfter(record.keptUntil())) {
            throw new ConflictException("recordId", "usage-record-retained", "usage record " + recordId + " of "
                    + grantId + " is kept until " + record.keptUntil() + " (Art. 29); it may be deleted from "
                    + record.keptUntil().plusDays(1));
        }
        store.delete(recordId);
        auditTrail.record(AuditEntry.ok(AuditAction.USAGE_RECORD_DELETED, "grant", grantId).with("record", recordId)
                .with("keptUntil", record.keptUntil().toString()));
    }

    /**
     * The grant, if the step is on and the caller is its holder, its provider or the authority; to anyone else the
     * same 404 as for a grant that does not exist (audited as the refusal it is).
     */
    private Grant seenBy(Caller by, String grantId) {
        pack.require(OptionalStep.USAGE_RECORDS);
        return grants.hiddenUnlessParty(by, grantId);
    }

    private static void requireHolder(Official by, Grant grant, String what) {
        if (!grant.consumerDepartment().equals(by.department()) || !by.has(Role.APPLICANT)) {
            throw new AccessDeniedException("usage records of " + grant.id() + " are " + what + " by its holder "
                    + grant.consumerDepartment() + "'s APPLICANT officials");
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
