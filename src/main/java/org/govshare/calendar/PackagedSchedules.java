package org.govshare.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schedules packaged with the platform, {@code calendar/cn-YYYY.yaml} on the classpath. They are checked with
 * the rules a loaded schedule must pass; a packaged file that breaks one stops the platform at start, since every
 * deadline would otherwise be counted on dates nobody can vouch for.
 */
final class PackagedSchedules {

    static final String LOCATION = "classpath*:calendar/cn-*.yaml";
    private static final Pattern FILE_NAME = Pattern.compile("cn-(\\d{4})\\.yaml");

    private PackagedSchedules() {
    }

    /** year → schedule, read with a YAML object mapper. */
    static Map<Integer, HolidaySchedule> read(ObjectMapper yaml) {
        Map<Integer, HolidaySchedule> schedules = new TreeMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                Matcher name = FILE_NAME.matcher(String.valueOf(file.getFilename()));
                if (!name.matches()) {
                    throw new IllegalStateException("calendar file " + file + " is not named cn-YYYY.yaml");
                }
                int year = Integer.parseInt(name.group(1));
                HolidaySchedule schedule;
                try (InputStream in = file.getInputStream()) {
                    schedule = yaml.readValue(in, HolidaySchedule.class);
                }
                List<String> problems = schedule.problems(year).stream()
                        .map(p -> p.field() + " (" + p.rule() + "): " + p.message()).toList();
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("calendar file " + file.getFilename() + " breaks rules: " + problems);
                }
                schedules.put(year, schedule);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged calendar files " + LOCATION, e);
        }
        return schedules;
    }
}
