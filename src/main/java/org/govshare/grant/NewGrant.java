package org.govshare.grant;

import java.time.LocalDate;
import java.util.List;

/**
 * The terms of a grant to issue, as a decided request (or, later, a dispute ruling) sets them.
 *
 * @param unmaskedItems sensitive items the consumer may see unmasked; empty: every sensitive item is masked
 * @param verificationKeys masked items the consumer may match exactly (see {@link Grant#verificationKeys()})
 */
public record NewGrant(String consumerDepartment, String providerDepartment, String resourceCode, String resourceName,
                       List<String> items, String purpose, String duty, String conditions, List<String> officials,
                       List<String> systems, LocalDate validFrom, LocalDate validUntil, String sourceType,
                       String sourceId, List<String> unmaskedItems, List<String> verificationKeys) {
}
