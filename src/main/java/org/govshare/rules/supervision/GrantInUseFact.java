package org.govshare.rules.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A grant under which data has been read (national Art. 29, 40 v): its holder keeps usage records of it.
 *
 * @param grantId the grant, e.g. {@code SQ-2026-000042}
 * @param holder the department holding it
 * @param resourceCode catalog code of the resource
 * @param firstReadOn the first day data was read under it
 * @param graceEndsOn the last day it may go without a usage record (the pack's {@code usage-record-grace-days} after
 *                    the first read)
 * @param records how many usage records it has
 * @param evidence the grant and the audit event of the first read ({@code audit:123})
 */
public record GrantInUseFact(String grantId, String holder, String resourceCode, LocalDate firstReadOn,
                             LocalDate graceEndsOn, long records, List<String> evidence) {

    public GrantInUseFact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Whether the grace is over on the day. */
    public boolean pastGrace(LocalDate day) {
        return day.isAfter(graceEndsOn);
    }

    /** The day the want of records began: the day after the grace. */
    public LocalDate lateSince() {
        return graceEndsOn.plusDays(1);
    }
}
