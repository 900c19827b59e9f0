package org.govshare.assessment;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.govshare.calendar.Today;
import org.springframework.stereotype.Component;

/**
 * When the yearly timer starts the assessment of the year before, as the cycle of the process's timer start event
 * ({@code ${assessmentSchedule.cycle()}}, read when the process is deployed). Camunda reads a cron in the JVM's zone,
 * while the setting is a day and time in the platform's (Beijing's): the cron is that moment written in the JVM's
 * zone, so 15 January 01:00 in Zhengzhou fires at 14 January 17:00 on a JVM in UTC. (A JVM zone with summer time
 * would shift it by an hour for part of the year; servers run in UTC or Asia/Shanghai.)
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
        ZonedDateTime start = LocalDateTime.of(today.date().getYear(), properties.startDay().getMonth(),
                        properties.startDay().getDayOfMonth(), properties.startsAt().getHour(), properties.startsAt().getMinute())
                .atZone(today.zone()).withZoneSameInstant(ZoneId.systemDefault());
        return "0 " + start.getMinute() + " " + start.getHour() + " " + start.getDayOfMonth() + " " + start.getMonthValue() + " ?";
    }

    /** The year a start on this day assesses: the year before the platform's today. */
    int yearToAssess() {
        return today.date().getYear() - 1;
    }
}
