package org.govshare.rules.eligibility;

import java.time.LocalDate;
import java.util.List;

/** A valid grant the applicant already holds for this resource. */
public record HeldGrantFact(String id, List<String> items, LocalDate until) {

    public boolean covers(String item) {
        return items.contains(item);
    }

    /** Whether this grant lasts longer than another (the same last day: the later number wins), to pick one of many. */
    public boolean outlasts(HeldGrantFact other) {
        return until.isAfter(other.until) || until.equals(other.until) && id.compareTo(other.id) > 0;
    }
}
