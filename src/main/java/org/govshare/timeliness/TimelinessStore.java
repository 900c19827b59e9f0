package org.govshare.timeliness;

import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What timeliness reads and remembers. It reads two tables it does not own, never writing them: the data versions
 * (V7) and the audit trail (V1), where a day's calls to a service are counted by one grouped statement over the
 * indexes of V19 instead of loading events; it owns the reminders (V19).
 */
@Repository
class TimelinessStore {

    private final JdbcTemplate jdbc;

    TimelinessStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A resource's last data version before a moment. */
    record Pushed(int version, Instant at) {
    }

    /** The calls made to a resource's service on a day, and the first few failed ones ({@code audit:<id>}). */
    record DayCalls(String resourceCode, LocalDate day, long calls, long failures, List<String> failed) {
    }

    /** Every hosted resource's last version pushed before {@code end}. */
    Map<String, Pushed> lastVersionsBefore(Instant end) {
        Map<String, Pushed> last = new HashMap<>();
        jdbc.query("select distinct on (resource_code) resource_code, version, created_at from dataset_version"
                        + " where created_at < ? order by resource_code, version desc",
                rs -> {
                    last.put(rs.getString("resource_code"),
                            new Pushed(rs.getInt("version"), rs.getTimestamp("created_at").toInstant()));
                }, Timestamp.from(end));
        return last;
    }

    Optional<Pushed> lastVersionBefore(String code, Instant end) {
        return jdbc.query("select version, created_at from dataset_version where resource_code = ? and created_at < ?"
                        + " order by version desc limit 1",
                (rs, row) -> new Pushed(rs.getInt("version"), rs.getTimestamp("created_at").toInstant()),
                code, Timestamp.from(end)).stream().findFirst();
    }

    /** The audit event of a version's push, as {@code audit:<id>}. */
    Optional<String> pushEvent(String code, int version) {
        return jdbc.queryForList("select id from audit_event where object_id = ?"
                        + " and action = 'DATA_PUSHED' and (details::jsonb ->> 'version')::int = ?"
                        + " order by occurred_at desc limit 1", String.class, code, version)
                .stream().findFirst().map(ref -> "audit:" + ref);
    }

    /**
     * Calls to the services of these resources per resource and day (in {@code zone}) from {@code from} to {@code to}
     * inclusive: a call that answered is the read's DATA_ACCESSED, one that failed the 502/504's REQUEST_FAILED
     * naming the service ({@code upstream}, {@code resource}); days without calls are left out.
     */
    List<DayCalls> calls(Collection<String> codes, LocalDate from, LocalDate to, ZoneId zone) {
        if (codes.isEmpty()) {
            return List.of();
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        String[] resources = codes.toArray(String[]::new);
        return jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    with call as (
                        select object_id as resource, occurred_at, false as failed, id from audit_event
                         where action = 'DATA_ACCESSED' and object_id = any(?) and occurred_at >= ? and occurred_at < ?
                        union all
                        select details::jsonb ->> 'resource', occurred_at, true, id from audit_event
                         where action = 'REQUEST_FAILED' and occurred_at >= ? and occurred_at < ?
                           and details::jsonb ->> 'upstream' = 'provider-service')
                    select resource, (occurred_at at time zone ?)::date as day, count(*) as calls,
                           count(*) filter (where failed) as failures,
                           (array_agg(id order by occurred_at) filter (where failed))[1:3] as failed
                      from call where resource = any(?) group by resource, day order by resource, day""");
            Array array = con.createArrayOf("varchar", resources);
            statement.setArray(1, array);
            statement.setTimestamp(2, start);
            statement.setTimestamp(3, end);
            statement.setTimestamp(4, start);
            statement.setTimestamp(5, end);
            statement.setString(6, zone.getId());
            statement.setArray(7, array);
            return statement;
        }, (rs, row) -> {
            Array failed = rs.getArray("failed");
            List<String> refs = failed == null ? List.of()
                    : Arrays.stream((String[]) failed.getArray()).map(ref -> "audit:" + ref).toList();
            return new DayCalls(rs.getString("resource"), rs.getDate("day").toLocalDate(), rs.getLong("calls"),
                    rs.getLong("failures"), refs);
        });
    }

    /**
     * Remembers a reminder of an episode, unless one was remembered already (by an earlier run or another node).
     *
     * @return whether this call remembered it, and so should send it
     */
    boolean remember(String code, String concern, String episode, String provider, LocalDate on, Instant at) {
        return jdbc.update("insert into timeliness_reminder (resource_code, concern, episode, provider, reminded_on,"
                + " reminded_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing", code, concern, episode, provider,
                Date.valueOf(on), Timestamp.from(at.truncatedTo(ChronoUnit.MICROS))) == 1;
    }

    /** The day an episode was reminded of, if it was by {@code day}. */
    Optional<LocalDate> remindedOn(String code, String concern, String episode, LocalDate day) {
        return jdbc.queryForList("select reminded_on from timeliness_reminder where resource_code = ? and concern = ?"
                        + " and episode = ? and reminded_on <= ?", Date.class, code, concern, episode, Date.valueOf(day))
                .stream().findFirst().map(Date::toLocalDate);
    }

    /** The latest day a resource was reminded of a concern between two days, inclusive. */
    Optional<LocalDate> lastReminded(String code, String concern, LocalDate from, LocalDate to) {
        return Optional.ofNullable(jdbc.queryForObject("select max(reminded_on) from timeliness_reminder"
                        + " where resource_code = ? and concern = ? and reminded_on between ? and ?", Date.class,
                code, concern, Date.valueOf(from), Date.valueOf(to))).map(Date::toLocalDate);
    }
}
