package org.govshare.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.govshare.platform.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Published assessments in the database, one row per year; the table refuses an update or a delete. */
@Repository
class AssessmentReportStore {

    private final JdbcTemplate jdbc;
    private final RowMapper<PublishedAssessments.Published> published;

    AssessmentReportStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.published = (rs, row) -> new PublishedAssessments.Published(json.read(rs.getString("report"),
                AssessmentReport.class, "assessment_report"), rs.getString("sha256"),
                rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"));
    }

    /** Stores the year's report as this text; false when the year is published already. */
    boolean insertOnce(int year, String text, String sha256, Instant at, String by) {
        return jdbc.update("""
                insert into assessment_report (year, report, sha256, published_at, published_by) values (?, ?, ?, ?, ?)
                on conflict (year) do nothing""", year, text, sha256, Timestamp.from(at), by) > 0;
    }

    Optional<PublishedAssessments.Published> find(int year) {
        return jdbc.query("select * from assessment_report where year = ?", published, year).stream().findFirst();
    }

    List<PublishedAssessments.Published> all() {
        return jdbc.query("select * from assessment_report order by year", published);
    }
}
