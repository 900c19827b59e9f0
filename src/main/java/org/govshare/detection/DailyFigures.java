package org.govshare.detection;

import java.time.LocalDate;
import java.util.List;

/**
 * A source of the facts the supervision rules ({@code rules/supervision/}) look at for one day: each feature that
 * knows a figure (late replies, refusals, stale data, failing services) gives it here, so that a rule author writes
 * a detection over it without Java. Facts come from stored state only; asking twice for a day gives the same facts.
 */
public interface DailyFigures {

    /** The facts of the day, in Beijing time, as the classes of {@code org.govshare.rules.supervision}. */
    List<Object> factsOn(LocalDate day);
}
