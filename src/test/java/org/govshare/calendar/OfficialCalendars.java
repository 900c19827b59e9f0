package org.govshare.calendar;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The working-day calendar on the packaged official schedules, without Spring. */
public final class OfficialCalendars {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ObjectMapper YAML = Jackson2ObjectMapperBuilder.json().factory(new YAMLFactory())
            .failOnUnknownProperties(true).build();
    static final Map<Integer, HolidaySchedule> PACKAGED = PackagedSchedules.read(YAML);

    private OfficialCalendars() {
    }

    /** Every deadline with ten working days, as a rule pack must set them all. */
    static Map<Deadline, Integer> tenWorkingDaysEach() {
        Map<Deadline, Integer> days = new EnumMap<>(Deadline.class);
        for (Deadline d : Deadline.values()) {
            days.put(d, 10);
        }
        return days;
    }

    public static WorkdayCalendar packaged() {
        Map<Deadline, Integer> days = tenWorkingDaysEach();
        DeadlineFigures tenEach = new DeadlineFigures() {
            @Override
            public java.util.OptionalInt workingDays(String key) {
                return Deadline.ofKey(key).map(d -> java.util.OptionalInt.of(days.get(d))).orElse(java.util.OptionalInt.empty());
            }

            @Override
            public String source() {
                return "ten working days each";
            }
        };
        return new WorkdayCalendar(new DeadlineProperties(SHANGHAI), tenEach, year -> Optional.ofNullable(PACKAGED.get(year)));
    }
}
