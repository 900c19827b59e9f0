package org.govshare.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.cases.CaseRows;
import org.govshare.platform.JsonColumns;
import org.govshare.rules.Decision;
import org.govshare.rules.Finding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Sharing requests in the database; lists are JSON text. */
@Repository
class RequestStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };
    /** The open statuses, quoted for an SQL list. */
    private static final String OPEN = java.util.Arrays.stream(SharingRequest.Status.values())
            .filter(SharingRequest.Status::open).map(s -> "'" + s.name() + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final CaseRows<SharingRequest> rows;
    private final JsonColumns json;

    RequestStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new CaseRows<>(jdbc, "sharing_request", this::request);
    }

    /**
     * Stores a new request unless its department has one open for the resource already, in one statement; false when
     * it had.
     */
    boolean insertUnlessOneIsOpen(SharingRequest r) {
        return jdbc.update("""
                insert into sharing_request (id, resource_code, resource_version, resource_name, provider_department,
                    applicant_department, requested_by, requested_at, items, purpose, duty, scenario, valid_from, valid_until,
                    officials, systems, status, findings)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from sharing_request where applicant_department = ? and resource_code = ?
                                  and status in (""" + OPEN + "))",
                r.id(), r.resourceCode(), r.resourceVersion(), r.resourceName(), r.providerDepartment(),
                r.applicantDepartment(), r.requestedBy(), Timestamp.from(r.requestedAt()), write(r.items()), r.purpose(),
                write(r.duty()), r.scenario().name(), r.validFrom(), r.validUntil(), write(r.officials()),
                write(r.systems()), r.status().name(), write(r.findings()), r.applicantDepartment(), r.resourceCode()) == 1;
    }

    void setDecision(String id, Decision.Verdict verdict, List<Finding> findings, String ruleSetVersion,
                     String replyDeadline) {
        jdbc.update("""
                update sharing_request set eligibility = ?, findings = ?, rule_set_version = ?, reply_deadline = ?
                where id = ?""", verdict.name(), write(findings), ruleSetVersion, replyDeadline, id);
    }

    /** The request reached the provider: its reply period runs from now. */
    void sendToProvider(String id, Instant replyDue, Instant reminderAt) {
        jdbc.update("update sharing_request set status = ?, reply_due = ?, reminder_at = ? where id = ?",
                SharingRequest.Status.IN_REVIEW.name(), timestamp(replyDue), timestamp(reminderAt), id);
    }

    /** An extension or a supplement moved the reply deadline. */
    void moveReplyDue(String id, Instant replyDue, Instant reminderAt) {
        jdbc.update("update sharing_request set reply_due = ?, reminder_at = ? where id = ?", timestamp(replyDue),
                timestamp(reminderAt), id);
    }

    void setStatus(String id, SharingRequest.Status status) {
        jdbc.update("update sharing_request set status = ? where id = ?", status.name(), id);
    }

    void setReply(String id, Reply reply) {
        jdbc.update("update sharing_request set reply = ? where id = ?", reply == null ? null : write(reply), id);
    }

    void markReminded(String id) {
        jdbc.update("update sharing_request set reminded = true where id = ?", id);
    }

    void markOverdue(String id) {
        jdbc.update("update sharing_request set overdue = true where id = ?", id);
    }

    void close(String id, SharingRequest.Status status, String grantId, Instant at) {
        jdbc.update("update sharing_request set status = ?, grant_id = ?, closed_at = ? where id = ?",
                status.name(), grantId, Timestamp.from(at), id);
    }

    /** A dispute ruling overturned the refusal: the request keeps the moment it was answered. */
    void overturn(String id, String grantId) {
        jdbc.update("update sharing_request set status = ?, grant_id = ? where id = ?",
                SharingRequest.Status.OVERTURNED.name(), grantId, id);
    }

    CaseRows<SharingRequest> rows() {
        return rows;
    }

    /** Whether a department has an open request for a resource already. */
    Optional<String> openRequestOf(String applicantDepartment, String resourceCode) {
        return jdbc.queryForList("select id from sharing_request where applicant_department = ? and resource_code = ?"
                        + " and status in (" + OPEN + ")", String.class, applicantDepartment, resourceCode)
                .stream().findFirst();
    }

    /** Requests on one side of a department (null column: all), optionally in one status, newest first. */
    List<SharingRequest> list(String column, String department, SharingRequest.Status status, int page, int size) {
        return rows.newestFirst("requested_at", department, column == null ? List.of() : List.of(column), status, page,
                size);
    }

    private SharingRequest request(ResultSet rs, int row) throws SQLException {
        String eligibility = rs.getString("eligibility");
        String reply = rs.getString("reply");
        return new SharingRequest(rs.getString("id"), rs.getString("resource_code"), rs.getInt("resource_version"),
                rs.getString("resource_name"), rs.getString("provider_department"), rs.getString("applicant_department"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), read(rs.getString("items"), STRINGS),
                rs.getString("purpose"), read(rs.getString("duty"), Duty.class), Scenario.valueOf(rs.getString("scenario")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                read(rs.getString("officials"), STRINGS), read(rs.getString("systems"), STRINGS),
                SharingRequest.Status.valueOf(rs.getString("status")),
                eligibility == null ? null : Decision.Verdict.valueOf(eligibility), read(rs.getString("findings"), FINDINGS),
                rs.getString("rule_set_version"), reply == null ? null : read(reply, Reply.class),
                rs.getString("reply_deadline"), instant(rs, "reply_due"), instant(rs, "reminder_at"), rs.getBoolean("reminded"), rs.getBoolean("overdue"),
                rs.getString("grant_id"), rs.getString("process_instance_id"), instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private String write(Object value) {
        return json.write(value);
    }

    private <T> T read(String text, Class<T> type) {
        return json.read(text, type, "sharing_request");
    }

    private <T> T read(String text, TypeReference<T> type) {
        return json.read(text, type, "sharing_request");
    }
}
