package org.govshare.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a consumer gets: the records it may see, and how fresh they are.
 *
 * @param grant the grant the read was served under
 * @param dataVersion the hosted dataset's version the records come from (null: the provider's live service)
 * @param dataAsOf when that version was made, or when the provider answered
 * @param total how many records match in all (null when the provider's service does not say)
 * @param items the items each record carries: the grant's, or those asked for
 * @param masked the items whose values are masked (Art. 19)
 */
public record DataAnswer(String resourceCode, String grant, String purpose, Integer dataVersion, Instant dataAsOf,
                         int page, int size, Long total, List<String> items, List<String> masked,
                         List<Map<String, Object>> records) {
}
