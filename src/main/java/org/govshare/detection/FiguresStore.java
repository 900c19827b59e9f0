package org.govshare.detection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.govshare.rules.supervision.AccessRefusalsFact;
import org.govshare.rules.supervision.OverdueCorrectionFact;
import org.govshare.rules.supervision.OverdueReplyFact;
import org.govshare.rules.supervision.RepeatedCollectionFact;
import org.govshare.rules.supervision.ThrottledReadsFact;
import org.govshare.rules.supervision.UnansweredConsultationFact;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The daily figures, aggregated in SQL from other features' tables, read only: sharing requests, error reports,
 * consultations, the audit trail, the access throttle and the catalog. Every query reads a range of one indexed column
 * (a deadline, a day's audit events, a day's publications), so a day costs the same whatever the year holds.
 */
@Repository
class FiguresStore {

    /** The refusal rules of a data read that tell of use beyond a grant (Art. 20, 33 v). */
    static final List<String> MISUSE_REFUSALS = List.of("purpose-not-granted", "items-outside-grant", "no-grant");
    /** How many audit event ids a figure carries as its evidence. */
    private static final int EVIDENCE = 5;
    private static final String DATA_READ = "GET /api/data/";

    private final JdbcTemplate jdbc;

    FiguresStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One day, and the deadlines looked at for it, as instants.
     *
     * @param day      the day, in the platform's zone
     * @param start    its first instant
     * @param end      the first instant of the next day
     * @param dueFrom  the earliest deadline still looked for (the lookback)
     */
    record Day(LocalDate day, ZoneId zone, Instant start, Instant end, Instant dueFrom) {

        static Day of(LocalDate day, ZoneId zone, int lookbackDays) {
            return new Day(day, zone, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(),
                    day.minusDays(lookbackDays).atStartOfDay(zone).toInstant());
        }

        LocalDate dateOf(Instant at) {
            return at.atZone(zone).toLocalDate();
        }

        /** The day a case was answered, if it was by the end of this day; null while it was not. */
        LocalDate answeredOn(Timestamp at) {
            return at == null || !at.toInstant().isBefore(end) ? null : dateOf(at.toInstant());
        }

        long daysLate(LocalDate due, LocalDate answered) {
            return ChronoUnit.DAYS.between(due, answered != null ? answered : day);
        }
    }

    /** Sharing requests whose reply deadline passed before the day (within the lookback) unanswered by it. */
    List<OverdueReplyFact> overdueReplies(Day d) {
        return overdue(d, """
                select id, provider_department as department, applicant_department as counterpart, resource_code,
                       reply_due as due, closed_at as answered_at
                from sharing_request
                where reply_due >= ? and reply_due < ? and status <> 'SUBMITTED'
                  and (closed_at is null or closed_at > reply_due)
                order by id""", OverdueReplyFact::new);
    }

    /** Error reports whose verification deadline passed before the day (within the lookback) unanswered by it. */
    List<OverdueCorrectionFact> overdueCorrections(Day d) {
        return overdue(d, """
                select id, provider_department as department, reporter_department as counterpart, resource_code,
                       verification_due as due, closed_at as answered_at
                from error_report
                where verification_due >= ? and verification_due < ?
                  and (closed_at is null or closed_at > verification_due)
                order by id""", OverdueCorrectionFact::new);
    }

    /** Departments named in a consultation whose deadline passed before the day (within the lookback), silent by it. */
    List<UnansweredConsultationFact> unansweredConsultations(Day d) {
        return overdue(d, """
                select c.id, a.department, c.demanding_department as counterpart, null as resource_code,
                       c.answer_due as due, a.answered_at
                from collection_consultation c join consultation_answer a on a.consultation_id = c.id
                where c.answer_due >= ? and c.answer_due < ?
                  and (a.answered_at is null or a.answered_at > c.answer_due)
                order by c.id, a.position""", (id, department, counterpart, resource, due, answered, late, evidence) ->
                new UnansweredConsultationFact(id, department, counterpart, due, answered, late, evidence));
    }

    /** How a case whose deadline passed unanswered becomes its fact. */
    private interface Overdue<T> {
        T of(String id, String department, String counterpart, String resourceCode, LocalDate dueOn, LocalDate answeredOn,
             long daysLate, List<String> evidence);
    }

    /**
     * Cases whose deadline ({@code due}) falls between the lookback and the day, read by a query naming the case
     * ({@code id}), the department that owed the answer, the other party ({@code counterpart}), the resource and when
     * it was answered ({@code answered_at}).
     */
    private <T> List<T> overdue(Day d, String sql, Overdue<T> fact) {
        return jdbc.query(sql, (rs, n) -> {
            LocalDate due = d.dateOf(rs.getTimestamp("due").toInstant());
            LocalDate answered = d.answeredOn(rs.getTimestamp("answered_at"));
            return fact.of(rs.getString("id"), rs.getString("department"), rs.getString("counterpart"),
                    rs.getString("resource_code"), due, answered, d.daysLate(due, answered), List.of(rs.getString("id")));
        }, Timestamp.from(d.dueFrom()), Timestamp.from(d.start()));
    }

    /**
     * The day's refused data reads per consumer department, resource and refusal rule, from the audit trail: the
     * refusal audit records each as ACCESS_DENIED on {@code GET /api/data/<code>} with the problem's rule first in
     * its reason ({@code purpose-not-granted: no valid grant of …}).
     */
    List<AccessRefusalsFact> accessRefusals(Day d) {
        return jdbc.query("""
                select actor_department, substr(object_id, ?) as resource_code, split_part(reason, ':', 1) as refusal,
                       count(*) as refusals, (array_agg(id order by seq))[1:?] as ids
                from audit_event
                where action = 'ACCESS_DENIED' and occurred_at >= ? and occurred_at < ?
                  and object_type = 'http-request' and object_id like ? and actor_department is not null
                  and split_part(reason, ':', 1) in (?, ?, ?)
                group by 1, 2, 3
                order by 1, 2, 3""", (rs, n) -> new AccessRefusalsFact(rs.getString("actor_department"),
                        rs.getString("resource_code"), rs.getString("refusal"), d.day(), rs.getLong("refusals"),
                        auditIds(rs)),
                DATA_READ.length() + 1, EVIDENCE, Timestamp.from(d.start()), Timestamp.from(d.end()), DATA_READ + "%",
                MISUSE_REFUSALS.get(0), MISUSE_REFUSALS.get(1), MISUSE_REFUSALS.get(2));
    }

    /** The day's reads refused over a grant's rate limit, per grant, with the consumer holding it. */
    List<ThrottledReadsFact> throttledReads(Day d) {
        return jdbc.query("""
                select t.grant_id, g.consumer_department, g.resource_code, t.refused
                from access_throttle t join sharing_grant g on g.id = t.grant_id
                where t.on_day = ?
                order by t.grant_id""", (rs, n) -> new ThrottledReadsFact(rs.getString("grant_id"),
                rs.getString("consumer_department"), rs.getString("resource_code"), d.day(), rs.getLong("refused"),
                List.of(rs.getString("grant_id"))), d.day());
    }

    /**
     * Catalog versions published on the day whose submission the catalog rules flagged as collected already: the
     * collect-once flag, the one catalog flag about the entry's items as a whole (field {@code items}). Known by its
     * field, not its article, since each rule pack cites its own (Zhengzhou Art. 9, 33; national Art. 19, 40).
     */
    List<RepeatedCollectionFact> repeatedCollections(Day d) {
        return jdbc.query("""
                select v.code, s.department, v.published_at, v.version, s.id as submission, f ->> 'message' as flag
                from catalog_version v join catalog_submission s on s.id = v.submission_id,
                     lateral (select f from jsonb_array_elements(s.findings::jsonb) f
                              where f ->> 'severity' = 'FLAG' and f ->> 'field' = 'items' limit 1) flagged
                where v.published_at >= ? and v.published_at < ?
                order by v.code, v.version""", (rs, n) -> new RepeatedCollectionFact(rs.getString("code"),
                rs.getString("department"), d.dateOf(rs.getTimestamp("published_at").toInstant()), rs.getString("flag"),
                List.of("submission:" + rs.getString("submission"), "version:" + rs.getInt("version"))),
                Timestamp.from(d.start()), Timestamp.from(d.end()));
    }

    private static List<String> auditIds(ResultSet rs) throws SQLException {
        List<String> ids = new ArrayList<>();
        Arrays.stream((Object[]) rs.getArray("ids").getArray()).forEach(id -> ids.add("audit:" + id));
        return ids;
    }
}
