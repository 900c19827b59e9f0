package org.govshare.calendar;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The schedules loaded at run time, one row per year; a year loaded again replaces its row. */
@Repository
class CalendarStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CalendarStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(ScheduleInForce loaded) {
        jdbc.update("delete from working_calendar where calendar_year = ?", loaded.year());
        jdbc.update("insert into working_calendar (calendar_year, schedule, loaded_by, loaded_at) values (?, ?, ?, ?)",
                loaded.year(), write(loaded.schedule()), loaded.loadedBy(),
                OffsetDateTime.ofInstant(loaded.loadedAt(), ZoneOffset.UTC));
    }

    List<ScheduleInForce> all() {
        return jdbc.query("select * from working_calendar order by calendar_year", (rs, i) -> new ScheduleInForce(
                rs.getInt("calendar_year"), ScheduleInForce.Origin.LOADED, read(rs.getString("schedule")),
                rs.getString("loaded_by"), rs.getObject("loaded_at", OffsetDateTime.class).toInstant()));
    }

    private String write(HolidaySchedule schedule) {
        try {
            return json.writeValueAsString(schedule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the holiday schedule of " + schedule.year() + " as JSON", e);
        }
    }

    private HolidaySchedule read(String stored) {
        try {
            return json.readValue(stored, HolidaySchedule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored holiday schedule is not readable; fix the row in working_calendar: "
                    + e.getOriginalMessage(), e);
        }
    }
}
