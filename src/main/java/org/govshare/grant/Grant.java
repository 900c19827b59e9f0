package org.govshare.grant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a consumer department may use of a provider's resource (Art. 20: purpose-bound): the items, for which
 * purpose and duty, on which conditions, by which of its officials and registered systems, from when until when.
 *
 * @param id readable number, e.g. {@code SQ-2026-000045}
 * @param conditions the conditions it is held on, in words (the resource's, and any the provider added)
 * @param sourceType what made it: {@code sharing-request} (a later issue adds {@code dispute})
 * @param sourceId the request or case number
 * @param status its state now: a grant past its last day is EXPIRED even before the expiry sweep records it
 * @param revokedBy who revoked or terminated it; {@code revokedAt} when, {@code revocationReason} why
 * @param unmaskedItems personal or commercial-secret items the provider explicitly lets the consumer see unmasked
 *                      (Art. 19: masked otherwise)
 * @param verificationKeys masked items the consumer may match exactly against a value it already holds (an identity
 *                         check); answers still show them masked
 * @param deliveryDue when the provider must have put the data on the platform (national Art. 22): set when the grant was
 *                    made on a resource with neither a data version nor a registered service, null otherwise
 * @param deliveredAt when that data arrived (its first version pushed or its service registered), null until then
 */
public record Grant(String id, String consumerDepartment, String providerDepartment, String resourceCode,
                    String resourceName, List<String> items, String purpose, String duty, String conditions,
                    List<String> officials, List<String> systems, LocalDate validFrom, LocalDate validUntil,
                    String sourceType, String sourceId, Instant issuedAt, Status status, String revokedBy,
                    Instant revokedAt, String revocationReason, List<String> unmaskedItems,
                    List<String> verificationKeys, Instant deliveryDue, Instant deliveredAt) {

    public Grant {
        unmaskedItems = unmaskedItems == null ? List.of() : List.copyOf(unmaskedItems);
        verificationKeys = verificationKeys == null ? List.of() : List.copyOf(verificationKeys);
    }

    public enum Status {
        /** issued, its first day still to come */
        NOT_YET_VALID,
        ACTIVE,
        EXPIRED,
        REVOKED,
        /** its holder declared the purpose met, so it ended before its last day (national Art. 27) */
        PURPOSE_MET,
        /**
         * ended under Art. 27 of the national regulation: its holder did not rectify the misuse it was suspended for,
         * or its resource was retired after the holders were consulted; who ended it and why are in the revocation
         * fields
         */
        TERMINATED;

        /** Whether a grant in this state has ended for good, whatever the calendar says. */
        public boolean ended() {
            return this == EXPIRED || this == REVOKED || this == PURPOSE_MET || this == TERMINATED;
        }
    }

    /** Whether it may be used on a day: not ended, and that day within its period. */
    public boolean validOn(LocalDate day) {
        return !status.ended() && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** Whether it has ended for good (revoked, expired, its purpose met or terminated), whatever the calendar says. */
    public boolean ended() {
        return status.ended();
    }

    /** The grant as it stands on a day: ACTIVE and NOT_YET_VALID follow the calendar, EXPIRED once its last day is past. */
    Grant asOf(LocalDate day) {
        if (status.ended()) {
            return this;
        }
        Status now = day.isAfter(validUntil) ? Status.EXPIRED : day.isBefore(validFrom) ? Status.NOT_YET_VALID : Status.ACTIVE;
        return now == status ? this : new Grant(id, consumerDepartment, providerDepartment, resourceCode, resourceName, items,
                purpose, duty, conditions, officials, systems, validFrom, validUntil, sourceType, sourceId, issuedAt, now,
                revokedBy, revokedAt, revocationReason, unmaskedItems, verificationKeys, deliveryDue, deliveredAt);
    }
}
