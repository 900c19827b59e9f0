package org.govshare.timeliness;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How up to date a published resource is on a day, as the catalog and case pages show it.
 *
 * @param resourceCode catalog code
 * @param provider the provider department's code
 * @param sharingMethod HOSTED_DATASET or PROVIDER_SERVICE
 * @param updateCycle the declared cycle
 * @param state ON_TIME; BEHIND (past the due day, within the grace); LATE (past the grace); LIVE (a provider's
 *              service answers each read itself, there are no versions to fall behind)
 * @param lastVersion the last data version, 0 when none was pushed; null for a provider service
 * @param lastVersionAt when it was pushed (the first publication when none was); null for a provider service
 * @param dueOn the day by which the next version was due (it may still be pushed on that day)
 * @param graceEndsOn the last day of the grace after {@code dueOn}
 * @param daysLate calendar days past {@code dueOn}, 0 when on time
 * @param day the day judged, in Beijing time
 */
public record Freshness(String resourceCode, String provider, String sharingMethod, String updateCycle, State state,
                        Integer lastVersion, Instant lastVersionAt, LocalDate dueOn, LocalDate graceEndsOn,
                        long daysLate, LocalDate day) {

    public enum State { ON_TIME, BEHIND, LATE, LIVE }

    public boolean behind() {
        return state == State.BEHIND || state == State.LATE;
    }
}
