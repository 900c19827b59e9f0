package org.govshare.disposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.govshare.grant.Grant;
import org.govshare.platform.EvidenceFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Disposal requirements and disposals of ended grants, in the database. */
@Repository
class DisposalStore {

    private static final String COLUMNS = """
            grant_id, holder_department, provider_department, ended_how, ended_at, requirements, due, status, method,
            done_on, note, file_name, file_type, file_size, attested_by, attested_at, violation_id, process_instance_id""";

    private final JdbcTemplate jdbc;

    DisposalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void stateRequirements(String grantId, String requirements, String by, Instant at) {
        jdbc.update("""
                insert into disposal_requirement (grant_id, requirements, stated_by, stated_at) values (?, ?, ?, ?)
                on conflict (grant_id) do update set requirements = excluded.requirements, stated_by = excluded.stated_by,
                                                     stated_at = excluded.stated_at""",
                grantId, requirements, by, Timestamp.from(at));
    }

    Optional<String> requirements(String grantId) {
        return jdbc.queryForList("select requirements from disposal_requirement where grant_id = ?", String.class, grantId)
                .stream().findFirst();
    }

    /** Opens the disposal of an ended grant; false when it was opened already. */
    boolean open(Grant grant, Grant.Status endedHow, Instant endedAt, String requirements, Instant due) {
        return jdbc.update("""
                insert into grant_disposal (grant_id, holder_department, provider_department, ended_how, ended_at,
                                            requirements, due, status)
                values (?, ?, ?, ?, ?, ?, ?, 'AWAITING_ATTESTATION') on conflict (grant_id) do nothing""",
                grant.id(), grant.consumerDepartment(), grant.providerDepartment(), endedHow.name(), Timestamp.from(endedAt),
                requirements, Timestamp.from(due)) == 1;
    }

    void bind(String grantId, String processInstanceId) {
        jdbc.update("update grant_disposal set process_instance_id = ? where grant_id = ?", processInstanceId, grantId);
    }

    Optional<Disposal> find(String grantId) {
        return jdbc.query("select " + COLUMNS + " from grant_disposal where grant_id = ?", this::disposal, grantId)
                .stream().findFirst();
    }

    Optional<Disposal> lockOfProcess(String processInstanceId) {
        return jdbc.query("select " + COLUMNS + " from grant_disposal where process_instance_id = ? for update",
                this::disposal, processInstanceId).stream().findFirst();
    }

    void attest(String grantId, String method, LocalDate doneOn, String note, String by, Instant at) {
        jdbc.update("""
                update grant_disposal set status = 'ATTESTED', method = ?, done_on = ?, note = ?, attested_by = ?,
                                          attested_at = ? where grant_id = ?""",
                method, doneOn, note, by, Timestamp.from(at), grantId);
    }

    void attachProof(String grantId, EvidenceFile.Checked file, byte[] content) {
        jdbc.update("update grant_disposal set file_name = ?, file_type = ?, file_size = ?, file_content = ? where grant_id = ?",
                file.name(), file.type(), file.size(), content, grantId);
    }

    byte[] proof(String grantId) {
        return jdbc.queryForObject("select file_content from grant_disposal where grant_id = ?", byte[].class, grantId);
    }

    void overdue(String grantId, String violationId) {
        jdbc.update("update grant_disposal set status = 'OVERDUE', violation_id = ? where grant_id = ?", violationId, grantId);
    }

    private Disposal disposal(ResultSet rs, int row) throws SQLException {
        Timestamp attestedAt = rs.getTimestamp("attested_at");
        return new Disposal(rs.getString("grant_id"), rs.getString("holder_department"),
                rs.getString("provider_department"), Grant.Status.valueOf(rs.getString("ended_how")),
                rs.getTimestamp("ended_at").toInstant(), rs.getString("requirements"), rs.getTimestamp("due").toInstant(),
                Disposal.Status.valueOf(rs.getString("status")), rs.getString("method"),
                rs.getObject("done_on", LocalDate.class), rs.getString("note"), rs.getString("file_name"),
                rs.getString("file_type"), rs.getObject("file_size", Long.class), rs.getString("attested_by"),
                attestedAt == null ? null : attestedAt.toInstant(), rs.getString("violation_id"),
                rs.getString("process_instance_id"));
    }
}
