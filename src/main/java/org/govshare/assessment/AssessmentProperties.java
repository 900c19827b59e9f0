package org.govshare.assessment;

import java.time.LocalTime;
import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The annual assessment (Art. 31); the authority's review deadline is
 * the rule pack's {@code deadlines.assessment-review}, the weights are in the rule pack's scoring file.
 *
 * @param startsOn                   the day of the year (in the platform's zone) the yearly timer assesses the year
 *                                   before, month and day: {@code 01-15}
 * @param startsAt                   the time of that day it starts, in the platform's zone
 * @param catalogRevisionWorkingDays working days a department has to revise (or withdraw) a catalog submission the
 *                                   authority returned, for the "catalog revisions on time" figure
 * @param maxCasesPerFigure          the most case numbers one figure lists for its drill-down (the count is exact)
 * @param firstYear                  the earliest year that may be assessed: the year the rules came into force (a
 *                                   published assessment is never changed, so a mistyped year must not be one)
 */
@ConfigurationProperties("govshare.assessment")
public record AssessmentProperties(@DefaultValue("01-15") String startsOn, @DefaultValue("01:00") LocalTime startsAt,
                                   @DefaultValue("10") int catalogRevisionWorkingDays,
                                   @DefaultValue("200") int maxCasesPerFigure,
                                   @DefaultValue("2015") int firstYear) {

    /** The start day as a day of the year; a wrong setting stops the start. */
    MonthDay startDay() {
        try {
            return MonthDay.parse("--" + startsOn);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("govshare.assessment.starts-on is month-day, e.g. 01-15, not '" + startsOn + "'", e);
        }
    }
}
