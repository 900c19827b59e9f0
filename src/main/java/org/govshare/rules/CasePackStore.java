package org.govshare.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rule pack each process instance was opened under. */
@Repository
class CasePackStore {

    private final JdbcTemplate jdbc;

    CasePackStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String processInstanceId, String processKey, String businessKey, String pack, String version, Instant at) {
        jdbc.update("insert into case_rule_pack (process_instance_id, process_key, business_key, pack, pack_version, opened_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (process_instance_id) do nothing", processInstanceId, processKey,
                businessKey, pack, version, Timestamp.from(at));
    }

    /** The pack and version a case (by its number) was opened under, e.g. {@code national-2025 2026.1+3f2a…}. */
    Optional<OpenedUnder> ofCase(String businessKey) {
        return jdbc.query("select pack, pack_version, opened_at from case_rule_pack where business_key = ?"
                        + " order by opened_at limit 1",
                (rs, row) -> new OpenedUnder(rs.getString("pack"), rs.getString("pack_version"),
                        rs.getTimestamp("opened_at").toInstant()), businessKey).stream().findFirst();
    }

    /**
     * The rule pack a case was opened under.
     *
     * @param pack    the pack's name, e.g. {@code zhengzhou-2015}
     * @param version its version, e.g. {@code 2026.1+3f2a9c0d1e2b}
     * @param at      when the case's process started
     */
    public record OpenedUnder(String pack, String version, Instant at) {
    }
}
