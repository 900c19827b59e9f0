package org.govshare.rules.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * How a provider's service answered the platform's calls on a day, from the audited calls (Art. 28).
 *
 * @param resourceCode catalog code of the resource the service serves
 * @param provider the provider department's code
 * @param day the day counted
 * @param calls calls made
 * @param failures calls that failed (time-out, refused connection, error answer)
 * @param threshold the share of failed calls past which the day counts as unavailable (a setting)
 * @param minimumCalls the fewest calls a day needs to count as unavailable at all (a setting)
 * @param unavailableSince the first day of the current run of unavailable days
 * @param remindedOn the day the provider was reminded of it, null if not yet
 * @param graceEndsOn the last day of the grace after the reminder
 * @param evidence audit event ids of failed calls ({@code audit:123}), at most a few
 */
public record ServiceAvailabilityFact(String resourceCode, String provider, LocalDate day, long calls, long failures,
                                      double threshold, long minimumCalls, LocalDate unavailableSince,
                                      LocalDate remindedOn, LocalDate graceEndsOn, List<String> evidence) {

    public ServiceAvailabilityFact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A day judged on any number of calls, one or more. */
    public ServiceAvailabilityFact(String resourceCode, String provider, LocalDate day, long calls, long failures,
                                   double threshold, LocalDate unavailableSince, LocalDate remindedOn,
                                   LocalDate graceEndsOn, List<String> evidence) {
        this(resourceCode, provider, day, calls, failures, threshold, 1, unavailableSince, remindedOn, graceEndsOn,
                evidence);
    }

    /** The share of the day's calls that failed, 0 when none was made. */
    /** Whether the grace after the run of unavailable days began is over on the fact's day. */
    public boolean pastGrace() {
        return graceEndsOn != null && day.isAfter(graceEndsOn);
    }

    public double failureRate() {
        return calls == 0 ? 0 : (double) failures / calls;
    }

    public boolean unavailable() {
        return calls > 0 && calls >= minimumCalls && failureRate() > threshold;
    }
}
