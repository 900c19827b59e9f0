package org.govshare.rules.eligibility;

import java.time.LocalDate;
import java.util.List;

/** A valid grant the applicant already holds for this resource. */
public record HeldGrantFact(String id, List<String> items, LocalDate until) {

    public boolean covers(String item) {
        return items.contains(item);
    }
}
