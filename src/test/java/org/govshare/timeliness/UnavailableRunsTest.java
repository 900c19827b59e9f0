package org.govshare.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.govshare.timeliness.TimelinessStore.DayCalls;
import org.junit.jupiter.api.Test;

/** Unavailable days of a provider's service and the first day of their run, at a 0.2 threshold and 5 calls. */
class UnavailableRunsTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private final UnavailableRuns runs = new UnavailableRuns(new TimelinessProperties.Availability(0.2, 5, 2, 31));

    @Test
    void aDayIsUnavailablePastTheThresholdOnEnoughCalls() {
        assertThat(runs.unavailable(calls(MONDAY, 10, 3))).as("30 % failed").isTrue();
        assertThat(runs.unavailable(calls(MONDAY, 10, 2))).as("20 % is not past 0.2").isFalse();
        assertThat(runs.unavailable(calls(MONDAY, 4, 4))).as("4 calls are too few to judge").isFalse();
    }

    @Test
    void aQuietWeekendNeitherEndsNorStartsARun() {
        List<DayCalls> earlier = List.of(
                calls(MONDAY.minusDays(4), 20, 0),   // Thursday: available
                calls(MONDAY.minusDays(3), 20, 15),  // Friday: unavailable
                calls(MONDAY.minusDays(2), 2, 0),    // Saturday: too few calls
                calls(MONDAY.minusDays(1), 1, 1));    // Sunday: too few calls, all failed
        assertThat(runs.since(MONDAY, earlier)).isEqualTo(MONDAY.minusDays(3));
    }

    @Test
    void anAvailableDayEndsTheRunAndTheLookBackBoundsIt() {
        assertThat(runs.since(MONDAY, List.of(calls(MONDAY.minusDays(1), 10, 0), calls(MONDAY.minusDays(2), 10, 9))))
                .as("yesterday was available").isEqualTo(MONDAY);
        List<DayCalls> allFailing = java.util.stream.IntStream.rangeClosed(1, 60)
                .mapToObj(n -> calls(MONDAY.minusDays(n), 10, 10)).toList();
        assertThat(runs.since(MONDAY, allFailing)).isEqualTo(MONDAY.minusDays(31));
    }

    private static DayCalls calls(LocalDate day, long calls, long failures) {
        return new DayCalls("101001/101001", day, calls, failures, List.of());
    }
}
