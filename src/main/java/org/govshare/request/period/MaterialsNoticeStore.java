package org.govshare.request.period;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.cases.CaseRows;
import org.govshare.platform.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Notices of missing materials in the database, one row per sharing request; lists are JSON text. */
@Repository
class MaterialsNoticeStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final CaseRows<MaterialsNotice> rows;

    MaterialsNoticeStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new CaseRows<>(jdbc, "materials_notice", this::notice);
    }

    CaseRows<MaterialsNotice> rows() {
        return rows;
    }

    void insert(MaterialsNotice n) {
        jdbc.update("""
                insert into materials_notice (id, items, note, sent_by, sent_at, supplement_due, restarts_clock,
                    reply_working_days, working_days_left, reply_due_before, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                n.id(), json.write(n.items()), n.note(), n.sentBy(), Timestamp.from(n.sentAt()),
                Timestamp.from(n.supplementDue()), n.restartsClock(), n.replyWorkingDays(), n.workingDaysLeft(),
                Timestamp.from(n.replyDueBefore()), n.status().name());
    }

    void supplement(String id, String materials, List<String> files, String by, Instant at) {
        jdbc.update("""
                update materials_notice set materials = ?, files = ?, supplemented_by = ?, supplemented_at = ?
                where id = ?""", materials, json.write(files), by, Timestamp.from(at), id);
    }

    void close(String id, MaterialsNotice.Status status, Instant replyDue) {
        jdbc.update("update materials_notice set status = ?, reply_due_after = ? where id = ?", status.name(),
                replyDue == null ? null : Timestamp.from(replyDue), id);
    }

    /** Whether the request waits for the applicant's supplement. */
    boolean awaiting(String id) {
        return rows.find(id).filter(n -> n.status() == MaterialsNotice.Status.AWAITING).isPresent();
    }

    private MaterialsNotice notice(ResultSet rs, int row) throws SQLException {
        String files = rs.getString("files");
        return new MaterialsNotice(rs.getString("id"), json.read(rs.getString("items"), STRINGS, "materials_notice"),
                rs.getString("note"), rs.getString("sent_by"), ReplyExtensionStore.instant(rs, "sent_at"),
                ReplyExtensionStore.instant(rs, "supplement_due"), rs.getBoolean("restarts_clock"),
                rs.getInt("reply_working_days"), rs.getInt("working_days_left"),
                ReplyExtensionStore.instant(rs, "reply_due_before"), MaterialsNotice.Status.valueOf(rs.getString("status")),
                rs.getString("materials"), files == null ? List.of() : json.read(files, STRINGS, "materials_notice"),
                rs.getString("supplemented_by"), ReplyExtensionStore.instant(rs, "supplemented_at"),
                ReplyExtensionStore.instant(rs, "reply_due_after"), rs.getString("process_instance_id"));
    }
}
