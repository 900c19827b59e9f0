package org.govshare.rules.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * The data reads of a consumer department refused on a day for one resource and one refusal rule, counted from the
 * audit trail (Art. 20, 33 v): reads for a purpose no grant has ({@code purpose-not-granted}), for items outside the
 * grant ({@code items-outside-grant}), or with no grant at all ({@code no-grant}).
 *
 * @param consumer the department whose officials or systems read
 * @param resourceCode catalog code of the resource read
 * @param refusal the refusal rule: {@code purpose-not-granted}, {@code items-outside-grant} or {@code no-grant}
 * @param day the day counted, in Beijing time
 * @param refusals how many reads were refused
 * @param evidence audit event ids of the refusals ({@code audit:<id>}), the first few
 */
public record AccessRefusalsFact(String consumer, String resourceCode, String refusal, LocalDate day, long refusals,
                                 List<String> evidence) {

    public AccessRefusalsFact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** What the act is about, for the register: the resource and the refusal rule, e.g. {@code 101001/101007 purpose-not-granted}. */
    public String subject() {
        return resourceCode + " " + refusal;
    }
}
