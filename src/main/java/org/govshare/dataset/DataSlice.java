package org.govshare.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page of records as a source gives it, before the grant's item selection and masking.
 *
 * @param version the data version the records come from (null for a provider's live service)
 * @param asOf when that version was made, or when the provider answered
 * @param total how many records match the filters in all (null when the source cannot say)
 * @param records item name → value (string, number, boolean or ISO date text), every item the source has
 */
public record DataSlice(Integer version, Instant asOf, Long total, List<Map<String, Object>> records) {
}
