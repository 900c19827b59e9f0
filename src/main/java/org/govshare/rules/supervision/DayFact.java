package org.govshare.rules.supervision;

import java.time.LocalDate;

/**
 * The day the detection looks at, in Beijing time: one per run, for rules that compare a fact's dates with it
 * ({@code StaleResourceFact(pastGrace($day))}).
 */
public record DayFact(LocalDate day) {
}
