package org.govshare.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.cases.CaseRows;
import org.govshare.platform.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Assessment cases, their drafts as computed, and the authority's review of each department. */
@Repository
class AssessmentStore {

    private static final String COLUMNS = "id, year, status, process_instance_id, started_by, started_at, review_due,"
            + " reviewed_by, closed_at";

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final CaseRows<Assessment> rows;
    private final RowMapper<Assessment.Review> reviews;

    AssessmentStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new CaseRows<>(jdbc, "assessment", COLUMNS, AssessmentStore::assessment);
        this.reviews = (rs, row) -> new Assessment.Review(rs.getString("department"), rs.getString("opinion"),
                json.read(rs.getString("improvements"), new TypeReference<List<String>>() { }, "assessment_review"),
                json.read(rs.getString("notes"), new TypeReference<Map<String, String>>() { }, "assessment_review"),
                rs.getString("reviewed_by"), instant(rs, "reviewed_at"));
    }

    CaseRows<Assessment> rows() {
        return rows;
    }

    /** Stores a new case; false when the year has one already (the year is unique). */
    boolean insert(Assessment a) {
        return jdbc.update("""
                insert into assessment (id, year, status, process_instance_id, started_by, started_at)
                values (?, ?, ?, ?, ?, ?) on conflict (year) do nothing""",
                a.id(), a.year(), a.status().name(), a.processInstanceId(), a.startedBy(), Timestamp.from(a.startedAt())) > 0;
    }

    Optional<Assessment> ofYear(int year) {
        return jdbc.query("select " + COLUMNS + " from assessment where year = ?", AssessmentStore::assessment, year).stream().findFirst();
    }

    void setDraft(String id, AssessmentReport draft, Instant reviewDue) {
        jdbc.update("update assessment set draft = ?, status = 'IN_REVIEW', review_due = ? where id = ?",
                json.write(draft), Timestamp.from(reviewDue), id);
    }

    AssessmentReport draft(String id) {
        return json.read(jdbc.queryForObject("select draft from assessment where id = ?", String.class, id),
                AssessmentReport.class, "assessment");
    }

    void setReviewed(String id, String by) {
        jdbc.update("update assessment set status = 'REVIEWED', reviewed_by = ? where id = ?", by, id);
    }

    void setPublished(String id, Instant at) {
        jdbc.update("update assessment set status = 'PUBLISHED', closed_at = ? where id = ?", Timestamp.from(at), id);
    }

    /** The department's review, replacing what the authority wrote before. */
    void saveReview(String id, Assessment.Review review) {
        jdbc.update("""
                insert into assessment_review (assessment_id, department, opinion, improvements, notes, reviewed_by, reviewed_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (assessment_id, department) do update set opinion = excluded.opinion,
                    improvements = excluded.improvements, notes = excluded.notes, reviewed_by = excluded.reviewed_by,
                    reviewed_at = excluded.reviewed_at""",
                id, review.department(), review.opinion(), json.write(review.improvements()), json.write(review.notes()),
                review.reviewedBy(), Timestamp.from(review.reviewedAt()));
    }

    List<Assessment.Review> reviews(String id) {
        return jdbc.query("select * from assessment_review where assessment_id = ? order by department", reviews, id);
    }

    private static Assessment assessment(ResultSet rs, int row) throws SQLException {
        return new Assessment(rs.getString("id"), rs.getInt("year"), Assessment.Status.valueOf(rs.getString("status")),
                rs.getString("process_instance_id"), rs.getString("started_by"), instant(rs, "started_at"),
                instant(rs, "review_due"), rs.getString("reviewed_by"), instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
