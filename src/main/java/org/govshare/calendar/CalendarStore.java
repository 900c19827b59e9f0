package org.govshare.calendar;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.govshare.platform.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The schedules loaded at run time, one row per year; a year loaded again replaces its row. */
@Repository
class CalendarStore {

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    CalendarStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(ScheduleInForce loaded) {
        jdbc.update("delete from working_calendar where calendar_year = ?", loaded.year());
        jdbc.update("insert into working_calendar (calendar_year, schedule, loaded_by, loaded_at) values (?, ?, ?, ?)",
                loaded.year(), write(loaded.schedule()), loaded.loadedBy(),
                OffsetDateTime.ofInstant(loaded.loadedAt(), ZoneOffset.UTC));
    }

    /** What changes when any node loads a schedule: the loads' count and their latest time, compared cheaply. */
    String loadsDigest() {
        return jdbc.queryForObject("select count(*) || '/' || coalesce(max(loaded_at)::text, '-') from working_calendar",
                String.class);
    }

    List<ScheduleInForce> all() {
        return jdbc.query("select * from working_calendar order by calendar_year", (rs, i) -> new ScheduleInForce(
                rs.getInt("calendar_year"), ScheduleInForce.Origin.LOADED, read(rs.getString("schedule")),
                rs.getString("loaded_by"), rs.getObject("loaded_at", OffsetDateTime.class).toInstant()));
    }

    private String write(HolidaySchedule schedule) {
        return json.write(schedule);
    }

    private HolidaySchedule read(String stored) {
        return json.read(stored, HolidaySchedule.class, "working_calendar");
    }
}
