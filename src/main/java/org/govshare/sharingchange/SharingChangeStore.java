package org.govshare.sharingchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.cases.CaseRows;
import org.govshare.platform.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Filed retirements and service changes, and the holders' answers, in the database. */
@Repository
class SharingChangeStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final CaseRows<SharingChange> rows;

    SharingChangeStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new CaseRows<>(jdbc, "sharing_change", this::change);
    }

    CaseRows<SharingChange> rows() {
        return rows;
    }

    void insert(SharingChange c) {
        jdbc.update("""
                insert into sharing_change (id, kind, resource_code, resource_name, provider_department, reasons,
                                            effective_on, status, filed_by, filed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.id(), c.kind().name(), c.resourceCode(), c.resourceName(),
                c.providerDepartment(), c.reasons(), c.effectiveOn(), c.status().name(), c.filedBy(),
                Timestamp.from(c.filedAt()));
        for (int i = 0; i < c.answers().size(); i++) {
            SharingChange.Answer a = c.answers().get(i);
            jdbc.update("insert into sharing_change_answer (filing_id, position, department, grant_ids) values (?, ?, ?, ?)",
                    c.id(), i, a.department(), json.write(a.grantIds()));
        }
    }

    /** Serialises filings about one resource, so that it has one open filing at most. */
    void lockResource(String code) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('sharing_change:' || ?))", code);
    }

    /** The open filing (consulting, awaiting a decision or accepted) about a resource, if any. */
    Optional<String> openFor(String code) {
        return firstOpen("select id from sharing_change where resource_code = ?", code);
    }

    /** The open filing about a resource, if it is a retirement. */
    Optional<String> openRetirementFor(String code) {
        return firstOpen("select id from sharing_change where resource_code = ? and kind = 'RETIREMENT'", code);
    }

    private Optional<String> firstOpen(String select, String code) {
        return jdbc.queryForList(select + " and status in ('CONSULTING', 'AWAITING_DECISION', 'ACCEPTED') order by id",
                String.class, code).stream().findFirst();
    }

    /** A service change in effect and not yet made, about a resource, if any. */
    Optional<String> serviceChangeInEffect(String code) {
        return jdbc.queryForList("select id from sharing_change where resource_code = ? and kind = 'SERVICE_CHANGE'"
                + " and status = 'IN_EFFECT' and change_made_at is null order by id", String.class, code).stream().findFirst();
    }

    void setAnswersDue(String id, Instant due) {
        jdbc.update("update sharing_change set answers_due = ? where id = ?", Timestamp.from(due), id);
    }

    void bindAnswerTask(String id, int position, String taskId) {
        jdbc.update("update sharing_change_answer set task_id = ? where filing_id = ? and position = ?", taskId, id, position);
    }

    Optional<String> departmentOfTask(String id, String taskId) {
        return jdbc.queryForList("select department from sharing_change_answer where filing_id = ? and task_id = ?",
                String.class, id, taskId).stream().findFirst();
    }

    /** The open answer task of a holder, if it still has one. */
    Optional<String> taskOfDepartment(String id, String department) {
        return jdbc.queryForList("select task_id from sharing_change_answer where filing_id = ? and department = ?"
                + " and answer is null and task_id is not null", String.class, id, department).stream().findFirst();
    }

    void setAnswer(String id, String department, SharingChange.AnswerKind answer, String reasons, String by, Instant at) {
        jdbc.update("update sharing_change_answer set answer = ?, reasons = ?, answered_by = ?, answered_at = ?"
                        + " where filing_id = ? and department = ?", answer.name(), reasons, by,
                at == null ? null : Timestamp.from(at), id, department);
    }

    void setStatus(String id, SharingChange.Status status) {
        jdbc.update("update sharing_change set status = ? where id = ?", status.name(), id);
    }

    void setDecision(String id, SharingChange.Status status, String reasons, String by, Instant at) {
        jdbc.update("update sharing_change set status = ?, decision_reasons = ?, decided_by = ?, decided_at = ? where id = ?",
                status.name(), reasons, by, Timestamp.from(at), id);
    }

    void setChangeMade(String id, Instant at) {
        jdbc.update("update sharing_change set change_made_at = ? where id = ?", Timestamp.from(at), id);
    }

    /** A page of filings, newest first: those a department is party to (provider or holder; every one when null). */
    List<SharingChange> list(String department, SharingChange.Status status, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (department != null) {
            where.append(" and (provider_department = ? or exists (select 1 from sharing_change_answer a"
                    + " where a.filing_id = sharing_change.id and a.department = ?))");
            args.add(department);
            args.add(department);
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.name());
        }
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("select * from sharing_change" + where + " order by filed_at desc, id desc limit ? offset ?",
                this::change, args.toArray());
    }

    private SharingChange change(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        List<SharingChange.Answer> answers = jdbc.query("select * from sharing_change_answer where filing_id = ?"
                + " order by position", (a, n) -> new SharingChange.Answer(a.getString("department"),
                json.read(a.getString("grant_ids"), STRINGS, "sharing_change_answer"),
                a.getString("answer") == null ? null : SharingChange.AnswerKind.valueOf(a.getString("answer")),
                a.getString("reasons"), a.getString("answered_by"), instant(a, "answered_at")), id);
        return new SharingChange(id, SharingChange.Kind.valueOf(rs.getString("kind")), rs.getString("resource_code"),
                rs.getString("resource_name"), rs.getString("provider_department"), rs.getString("reasons"),
                rs.getObject("effective_on", LocalDate.class), SharingChange.Status.valueOf(rs.getString("status")),
                rs.getString("filed_by"), instant(rs, "filed_at"), instant(rs, "answers_due"), answers,
                rs.getString("decision_reasons"), rs.getString("decided_by"), instant(rs, "decided_at"),
                instant(rs, "change_made_at"), rs.getString("process_instance_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
