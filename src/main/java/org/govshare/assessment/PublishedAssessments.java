package org.govshare.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Today;
import org.govshare.platform.JsonColumns;
import org.govshare.platform.web.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published assessments, one per year, stored as published and never changed; the SHA-256 of the stored text goes
 * into the audit trail, so a copy can be checked against it.
 */
@Service
public class PublishedAssessments {

    /** A report as published: its text is what the hash is over. */
    public record Published(AssessmentReport report, String sha256, Instant publishedAt, String publishedBy) {
    }

    private final AssessmentReportStore store;
    private final JsonColumns json;
    private final AuditTrail auditTrail;
    private final Today today;
    private final ApplicationEventPublisher events;

    PublishedAssessments(AssessmentReportStore store, JsonColumns json, AuditTrail auditTrail, Today today,
                         ApplicationEventPublisher events) {
        this.store = store;
        this.json = json;
        this.auditTrail = auditTrail;
        this.today = today;
        this.events = events;
    }

    /** Publishes a reviewed report, and with it the sealed report; a year is published once. */
    @Transactional
    public Published publish(AssessmentReport report, String by) {
        String text = json.write(report);
        String sha256 = Sha256.hex(text);
        Instant now = today.now();
        if (!store.insertOnce(report.year(), text, sha256, now, by)) {
            throw new ConflictException("year", "assessment-published-once",
                    "the assessment of " + report.year() + " is published already and cannot change");
        }
        auditTrail.record(AuditEntry.ok(AuditAction.ASSESSMENT_PUBLISHED, "assessment", String.valueOf(report.year()))
                .with("sha256", sha256).with("departments", report.departments().size()).with("rulePack", report.rulePack()));
        Published published = new Published(report, sha256, now, by);
        events.publishEvent(new AssessmentPublished(published));
        return published;
    }

    public Optional<Published> find(int year) {
        return store.find(year);
    }

    /** Every published year, oldest first: the trend over the years assessed. */
    public List<Published> all() {
        return store.all();
    }
}
