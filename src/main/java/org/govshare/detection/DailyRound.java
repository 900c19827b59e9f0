package org.govshare.detection;

import java.time.LocalDate;

/**
 * Something the daily supervision run does before the rules look, such as reminding a provider whose data has
 * fallen behind its update cycle. A round is safe to run twice for a day: it remembers what it already did.
 */
public interface DailyRound {

    void runOn(LocalDate day);
}
