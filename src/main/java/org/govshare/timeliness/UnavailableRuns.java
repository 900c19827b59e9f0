package org.govshare.timeliness;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.govshare.timeliness.TimelinessStore.DayCalls;

/**
 * Which days a provider's service was unavailable (Art. 28), and where a run of them began. A day is judged only on
 * enough calls: a quiet day, a weekend say, neither starts nor ends a run; a day judged available ends it.
 */
class UnavailableRuns {

    private final TimelinessProperties.Availability settings;

    UnavailableRuns(TimelinessProperties.Availability settings) {
        this.settings = settings;
    }

    /** At least the minimum of calls, and more than the threshold's share of them failed. */
    boolean unavailable(DayCalls calls) {
        return judged(calls) && (double) calls.failures() / calls.calls() > settings.failureThreshold();
    }

    private boolean judged(DayCalls calls) {
        return calls != null && calls.calls() >= Math.max(1, settings.minimumCalls());
    }

    /**
     * The first day of the run an unavailable day belongs to, looked for up to the look-back.
     *
     * @param earlier the service's calls on days before {@code day}, any order
     */
    LocalDate since(LocalDate day, List<DayCalls> earlier) {
        Map<LocalDate, DayCalls> byDay = earlier.stream().collect(Collectors.toMap(DayCalls::day, Function.identity()));
        LocalDate since = day;
        for (LocalDate d = day.minusDays(1); !d.isBefore(day.minusDays(settings.lookbackDays())); d = d.minusDays(1)) {
            DayCalls calls = byDay.get(d);
            if (!judged(calls)) {
                continue;
            }
            if (!unavailable(calls)) {
                break;
            }
            since = d;
        }
        return since;
    }
}
