package org.govshare.assessment;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.govshare.calendar.Today;
import org.springframework.stereotype.Component;

/**
 * When the yearly timer starts the assessment of the year before, as the cycle of the process's timer start event
 * ({@code ${assessmentSchedule.cycle()}}, read when the process is deployed): the setting's day and time in Beijing,
 * written in the JVM's zone where Camunda reads it ({@link Today#inZone}).
 */
@Component("assessmentSchedule")
public class AssessmentSchedule {

    private final AssessmentProperties properties;
    private final Today today;

    AssessmentSchedule(AssessmentProperties properties, Today today) {
        this.properties = properties;
        this.today = today;
    }

    /** The Quartz-style cron (second minute hour day month weekday) of the yearly start, in the JVM's zone. */
    public String cycle() {
        ZonedDateTime start = today.inZone(LocalDateTime.of(today.date().getYear(), properties.startDay().getMonth(),
                properties.startDay().getDayOfMonth(), properties.startsAt().getHour(), properties.startsAt().getMinute()),
                ZoneId.systemDefault());
        return "0 " + start.getMinute() + " " + start.getHour() + " " + start.getDayOfMonth() + " " + start.getMonthValue() + " ?";
    }

    /** The earliest year that may be assessed: the year the rules came into force. */
    int firstYear() {
        return properties.firstYear();
    }

    /** The year a start on this day assesses: the year before the platform's today. */
    int yearToAssess() {
        return today.date().getYear() - 1;
    }
}
