package org.govshare.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.cases.CaseRows;
import org.govshare.platform.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Consultations and their answers in the database; the items list is JSON text. */
@Repository
class ConsultationStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final CaseRows<Consultation> rows;
    private final JsonColumns json;

    ConsultationStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new CaseRows<>(jdbc, "collection_consultation", this::consultation);
    }

    void insert(Consultation c) {
        jdbc.update("""
                insert into collection_consultation (id, demanding_department, requested_by, requested_at, information, items,
                    purpose, legal_duty, need_id, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.id(), c.demandingDepartment(), c.requestedBy(), Timestamp.from(c.requestedAt()), c.information(),
                json.write(c.items()), c.purpose(), c.legalDuty(), c.needId(), c.status().name());
        for (int i = 0; i < c.answers().size(); i++) {
            jdbc.update("insert into consultation_answer (consultation_id, position, department) values (?, ?, ?)",
                    c.id(), i, c.answers().get(i).department());
        }
    }

    void setAnswerDue(String id, Instant answerDue) {
        jdbc.update("update collection_consultation set answer_due = ? where id = ?", Timestamp.from(answerDue), id);
    }

    void bindAnswerTask(String id, int position, String taskId) {
        jdbc.update("update consultation_answer set task_id = ? where consultation_id = ? and position = ?", taskId, id, position);
    }

    /** The department whose answer task this is, as bound when the task was created. */
    Optional<String> departmentOfTask(String id, String taskId) {
        return jdbc.queryForList("select department from consultation_answer where consultation_id = ? and task_id = ?",
                String.class, id, taskId).stream().findFirst();
    }

    Optional<String> taskOfDepartment(String id, String department) {
        return jdbc.queryForList("select task_id from consultation_answer where consultation_id = ? and department = ?"
                + " and answer is null and task_id is not null", String.class, id, department).stream().findFirst();
    }

    void setAnswer(String id, String department, Consultation.AnswerKind answer, String reasons, String by, Instant at) {
        jdbc.update("""
                update consultation_answer set answer = ?, reasons = ?, answered_by = ?, answered_at = ?
                where consultation_id = ? and department = ?""",
                answer.name(), reasons, by, at == null ? null : Timestamp.from(at), id, department);
    }

    void setStatus(String id, Consultation.Status status) {
        jdbc.update("update collection_consultation set status = ? where id = ?", status.name(), id);
    }

    void setCollector(String id, String collectingDepartment, String businessAuthority, Consultation.Status status) {
        jdbc.update("update collection_consultation set collecting_department = ?, business_authority = ?, status = ? where id = ?",
                collectingDepartment, businessAuthority, status.name(), id);
    }

    void setRuling(String id, Consultation.Ruling ruling) {
        jdbc.update("update collection_consultation set ruling_decision = ?, ruling_reasons = ?, ruled_by = ?, ruled_at = ?"
                + " where id = ?", ruling.decision().name(), ruling.reasons(), ruling.by(), Timestamp.from(ruling.at()), id);
    }

    void setRegistration(String id, String submissionId, String resourceCode) {
        jdbc.update("update collection_consultation set submission_id = ?, resource_code = ? where id = ?",
                submissionId, resourceCode, id);
    }

    void close(String id, Instant at) {
        jdbc.update("update collection_consultation set status = 'COLLECTED', closed_at = ? where id = ?", Timestamp.from(at), id);
    }

    /** The consultation waiting for this catalog submission to be published. */
    Optional<Consultation> waitingFor(String submissionId) {
        return jdbc.query("select * from collection_consultation where submission_id = ? and status = 'REGISTERING'",
                this::consultation, submissionId).stream().findFirst();
    }

    Optional<String> linkedTo(String submissionId) {
        return jdbc.queryForList("select id from collection_consultation where submission_id = ?", String.class, submissionId)
                .stream().findFirst();
    }

    /** Consultations a department asked, was consulted in, collects or receives; all of them when department is null. */
    List<Consultation> list(String department, int page, int size) {
        String where = department == null ? "" : """
                where demanding_department = ? or collecting_department = ? or business_authority = ?
                   or id in (select consultation_id from consultation_answer where department = ?)""";
        Object[] args = department == null ? new Object[] {size, page * size}
                : new Object[] {department, department, department, department, size, page * size};
        return jdbc.query("select * from collection_consultation " + where + " order by requested_at desc, id desc"
                + " limit ? offset ?", this::consultation, args);
    }

    private Consultation consultation(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        String rulingDecision = rs.getString("ruling_decision");
        return new Consultation(id, rs.getString("demanding_department"), rs.getString("requested_by"),
                instant(rs, "requested_at"), rs.getString("information"),
                json.read(rs.getString("items"), STRINGS, "collection_consultation"), rs.getString("purpose"),
                rs.getString("legal_duty"), rs.getString("need_id"), Consultation.Status.valueOf(rs.getString("status")),
                instant(rs, "answer_due"), answers(id), rs.getString("collecting_department"),
                rs.getString("business_authority"),
                rulingDecision == null ? null : new Consultation.Ruling(Consultation.RulingDecision.valueOf(rulingDecision),
                        rs.getString("ruling_reasons"), rs.getString("ruled_by"), instant(rs, "ruled_at")),
                rs.getString("submission_id"), rs.getString("resource_code"), rs.getString("process_instance_id"),
                instant(rs, "closed_at"));
    }

    private List<Consultation.Answer> answers(String id) {
        return jdbc.query("select * from consultation_answer where consultation_id = ? order by position", (rs, row) -> {
            String answer = rs.getString("answer");
            return new Consultation.Answer(rs.getString("department"),
                    answer == null ? null : Consultation.AnswerKind.valueOf(answer), rs.getString("reasons"),
                    rs.getString("answered_by"), instant(rs, "answered_at"));
        }, id);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    CaseRows<Consultation> rows() {
        return rows;
    }
}
