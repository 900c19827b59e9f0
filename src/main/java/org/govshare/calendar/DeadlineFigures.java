package org.govshare.calendar;

import java.util.OptionalInt;

/**
 * The working days of each deadline, as the rule pack in force sets them. The calendar counts; the pack decides how
 * much ({@code org.govshare.rules} implements this from {@code pack.yaml}).
 */
public interface DeadlineFigures {

    /** The working days of a deadline key, empty when the pack in force does not define it. */
    OptionalInt workingDays(String key);

    /** The name and version of the pack the figures come from, for the messages that name a missing figure. */
    String source();
}
