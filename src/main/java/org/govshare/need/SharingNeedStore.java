package org.govshare.need;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.platform.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Sharing needs in the database, their wanted items as a JSON list. */
@Repository
class SharingNeedStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String NEWEST_FIRST_PAGE = " order by recorded_at desc, id desc limit ? offset ?";

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    SharingNeedStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a need as OPEN. */
    void insert(SharingNeed need) {
        jdbc.update("""
                insert into sharing_need (id, department, recorded_by, recorded_at, description, wanted_items, purpose,
                                          legal_duty, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""",
                need.id(), need.department(), need.recordedBy(), utc(need.recordedAt()), need.description(),
                json.write(need.wantedItems()), need.purpose(), need.legalDuty());
    }

    /** A page of the needs of a department, newest first. */
    List<SharingNeed> ofDepartment(String department, int page, int size) {
        return load("where department = ?" + NEWEST_FIRST_PAGE, department, size, (long) page * size);
    }

    /** Up to {@code limit} open needs, newest first, after skipping {@code offset} of them. */
    List<SharingNeed> open(int limit, long offset) {
        return load("where status = 'OPEN'" + NEWEST_FIRST_PAGE, limit, offset);
    }

    Optional<SharingNeed> find(String id) {
        return load("where id = ?", id).stream().findFirst();
    }

    /** Marks an open need met by a resource; false if it was met already (it stays met by its first resource). */
    boolean markMet(String id, String resourceCode, Instant at) {
        return jdbc.update("update sharing_need set status = 'MET', met_by_resource = ?, met_at = ? where id = ?"
                + " and status = 'OPEN'", resourceCode, utc(at), id) == 1;
    }

    private List<SharingNeed> load(String where, Object... args) {
        return jdbc.query("select * from sharing_need " + where, (rs, row) -> new SharingNeed(
                rs.getString("id"), rs.getString("department"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("description"),
                json.read(rs.getString("wanted_items"), STRINGS, "sharing_need"), rs.getString("purpose"),
                rs.getString("legal_duty"), rs.getString("status"), rs.getString("met_by_resource")), args);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
