package org.govshare.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the annual assessment reads of a year, aggregated in the database: the large tables (the audit trail, data
 * versions) answer grouped counts, never their rows; the small ones (catalog, requests, reports, violations) answer
 * one row per case, which the drill-down needs anyway. Every window is half-open: from the year's first instant in
 * the platform's zone to the next year's.
 */
@Repository
class AssessmentFiguresStore {

    /** A published resource as catalogued now, with when it was first published and its current content's facts. */
    record ResourceRow(String code, String department, String sharingType, String updateCycle, String status,
                       Instant updatedAt, Instant firstPublished, String sharingMethod, String legalBasisLaw) {
    }

    /** A catalog submission's return to its department, or its department's answer to it (resubmitted, withdrawn). */
    record CatalogStep(String submission, String department, String action, Instant at) {
    }

    /** A sharing request whose reply was due in the year (replied, or overdue). */
    record ReplyRow(String id, String provider, Instant requestedAt, Instant closedAt, boolean overdue, String by) {
    }

    /** An error report whose verification was due in the year (answered, or overdue). */
    record CorrectionRow(String id, String provider, boolean overdue) {
    }

    /** Successful reads of one resource by one department under one grant. */
    record ReadCount(String resource, String consumer, String grant, long reads) {
    }

    /** A grant in force for part of the year. */
    record GrantRow(String id, String consumer) {
    }

    /** A violation of the year with its rectification, when one was ordered. */
    record ViolationRow(String id, String department, String source, String status, String rectification,
                        String rectificationStatus, Instant reportDue, Instant reported) {
    }

    private final JdbcTemplate jdbc;

    AssessmentFiguresStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ResourceRow> resources() {
        return jdbc.query("""
                select r.code, r.provider_department, r.sharing_type, r.update_cycle, r.status, r.updated_at,
                       (select min(v.published_at) from catalog_version v where v.code = r.code) first_published,
                       c.content::json ->> 'sharingMethod' sharing_method,
                       c.content::json -> 'legalBasis' ->> 'law' legal_basis_law
                from catalog_resource r join catalog_version c on c.code = r.code and c.version = r.current_version""",
                (rs, row) -> new ResourceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getString(8), rs.getString(9)));
    }

    /** Returns and answers of catalog submissions from {@code from} until {@code to} (past the year, for late answers). */
    List<CatalogStep> catalogSteps(Instant from, Instant to) {
        return jdbc.query("""
                select e.object_id, s.department, e.action, e.occurred_at
                from audit_event e join catalog_submission s on s.id = e.object_id
                where e.action in ('CATALOG_RETURNED', 'CATALOG_RESUBMITTED', 'CATALOG_WITHDRAWN') and e.outcome = 'OK'
                  and e.object_type = 'catalog-submission' and e.occurred_at >= ? and e.occurred_at < ?
                order by e.occurred_at""",
                (rs, row) -> new CatalogStep(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)),
                ts(from), ts(to));
    }

    List<ReplyRow> repliesDue(Instant from, Instant to) {
        return jdbc.query("""
                select id, provider_department, requested_at, closed_at, overdue, reply::json ->> 'by'
                from sharing_request
                where reply_due >= ? and reply_due < ? and (reply is not null or overdue)
                order by id""",
                (rs, row) -> new ReplyRow(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                        rs.getBoolean(5), rs.getString(6)), ts(from), ts(to));
    }

    /** The days (in the zone) each hosted resource received a data version in the window. */
    List<Object[]> versionDays(Instant from, Instant to, ZoneId zone) {
        return jdbc.query("""
                select resource_code, (created_at at time zone ?)::date from dataset_version
                where created_at >= ? and created_at < ? group by 1, 2""",
                (rs, row) -> new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class)}, zone.getId(), ts(from), ts(to));
    }

    List<CorrectionRow> correctionsDue(Instant from, Instant to) {
        // verification_due is a timestamp without zone, written as the JVM's local time of the instant
        return jdbc.query("""
                select id, provider_department, overdue from error_report
                where verification_due >= ? and verification_due < ? and (outcome is not null or overdue)
                order by id""",
                (rs, row) -> new CorrectionRow(rs.getString(1), rs.getString(2), rs.getBoolean(3)), ts(from), ts(to));
    }

    /** Successful reads grouped by resource, reading department and grant: one pass over the year's reads. */
    List<ReadCount> reads(Instant from, Instant to) {
        return jdbc.query("""
                select object_id, actor_department, details::json ->> 'grant', count(*) from audit_event
                where action = 'DATA_ACCESSED' and outcome = 'OK' and occurred_at >= ? and occurred_at < ?
                group by 1, 2, 3""",
                (rs, row) -> new ReadCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                ts(from), ts(to));
    }

    /** Reads of a provider-service resource that failed because its service did not answer (502, 504), by resource. */
    List<Object[]> failedServiceCalls(Instant from, Instant to) {
        return jdbc.query("""
                select substring(object_id from 15), count(*) from audit_event
                where action = 'REQUEST_FAILED' and object_id like 'GET /api/data/%' and occurred_at >= ? and occurred_at < ?
                  and details::json ->> 'status' in ('502', '504')
                group by 1""",
                (rs, row) -> new Object[] {rs.getString(1), rs.getLong(2)}, ts(from), ts(to));
    }

    /** Resources served by a provider's service, and their providers. */
    List<Object[]> providerServices() {
        return jdbc.query("select resource_code, provider_department from provider_service",
                (rs, row) -> new Object[] {rs.getString(1), rs.getString(2)});
    }

    /** Grants in force on some day of the year: issued before its end, valid in it, not revoked before it began. */
    List<GrantRow> grantsInForce(Instant from, Instant to, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.query("""
                select id, consumer_department from sharing_grant
                where issued_at < ? and valid_from <= ? and valid_until >= ? and (revoked_at is null or revoked_at >= ?)
                order by id""",
                (rs, row) -> new GrantRow(rs.getString(1), rs.getString(2)), ts(to), lastDay, firstDay, ts(from));
    }

    /** Violations whose act happened in the year; SUSPECTED findings and DISMISSED ones are no violations. */
    List<ViolationRow> violations(LocalDate firstDay, LocalDate lastDay) {
        return jdbc.query("""
                select v.id, v.department, v.source, v.status, r.id, r.status, r.report_due,
                       (select max(s.recorded_at) from rectification_step s where s.rectification_id = r.id and s.kind = 'REPORT')
                from violation v left join rectification r on r.violation_id = v.id
                where v.occurred_on >= ? and v.occurred_on <= ? and v.status not in ('SUSPECTED', 'DISMISSED')
                order by v.id""",
                (rs, row) -> new ViolationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8)), firstDay, lastDay);
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
