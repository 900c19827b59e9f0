package org.govshare.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Now and today as cases see them: the engine's clock (so that a process test that moves it moves every date of
 * the case too) and the calendar day in the deadlines' zone (Asia/Shanghai), in which periods and grants are dated.
 */
@Component
public class Today {

    private final ZoneId zone;

    Today(DeadlineProperties properties) {
        this.zone = properties.zone();
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public LocalDate date() {
        return now().atZone(zone).toLocalDate();
    }

    public ZoneId zone() {
        return zone;
    }
}
