package org.govshare.detection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.govshare.cases.CaseRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reviews of suspected violations in the database; the violations themselves are read only. */
@Repository
class ReviewStore {

    private final JdbcTemplate jdbc;
    private final CaseRows<SuspectedReview> rows;

    ReviewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        RowMapper<SuspectedReview> review = (rs, n) -> new SuspectedReview(rs.getString("id"), rs.getString("department"),
                rs.getString("process_instance_id"), SuspectedReview.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant());
        this.rows = new CaseRows<>(jdbc, "violation_review", review);
    }

    CaseRows<SuspectedReview> rows() {
        return rows;
    }

    /** Opens the review of a violation unless it has one; false then. */
    boolean insertOnce(SuspectedReview r) {
        return jdbc.update("""
                insert into violation_review (id, department, status, opened_at) values (?, ?, ?, ?)
                on conflict (id) do nothing""", r.id(), r.department(), r.status().name(), Timestamp.from(r.openedAt())) > 0;
    }

    void close(String id, SuspectedReview.Status status, Instant at) {
        jdbc.update("update violation_review set status = ?, closed_at = ? where id = ?", status.name(), Timestamp.from(at), id);
    }

    /** The SUSPECTED violations no review was opened for, oldest first, as (id, department). */
    List<String[]> unreviewed() {
        return jdbc.query("""
                select v.id, v.department from violation v
                where v.status = 'SUSPECTED' and not exists (select 1 from violation_review r where r.id = v.id)
                order by v.recorded_at, v.id""", (rs, n) -> new String[] {rs.getString("id"), rs.getString("department")});
    }
}
