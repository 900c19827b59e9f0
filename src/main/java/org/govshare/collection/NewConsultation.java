package org.govshare.collection;

import java.util.List;

/**
 * What the demanding department asks.
 *
 * @param departments the business authorities concerned, by department code (at least one, not the asking one)
 * @param information what is wanted, in words
 * @param items the data items wanted, by name
 * @param purpose what it is wanted for
 * @param legalDuty the statutory duty the purpose serves
 * @param needId optional: the need of the needs register this answers (the department's own, still open)
 */
public record NewConsultation(List<String> departments, String information, List<String> items, String purpose,
                              String legalDuty, String needId) {
}
