package org.govshare.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govshare.catalog.CatalogEntry.LegalBasis;

/**
 * The answer to a request under review: the provider's, or the authority's when it decided in the provider's place
 * after the deadline.
 *
 * @param by PROVIDER or AUTHORITY
 * @param items the items granted (APPROVE: as asked; NARROW: fewer or the same)
 * @param validUntil the last day granted (NARROW may shorten it)
 * @param addedConditions conditions added in words (NARROW)
 * @param legalBasis the law and article a refusal rests on (Art. 17: required to refuse)
 * @param reasons why, in words (required to narrow or refuse)
 * @param unmaskedItems granted personal or commercial-secret items the consumer may see unmasked (Art. 19)
 * @param verificationKeys granted masked items the consumer may match exactly, still seeing them masked
 */
public record Reply(By by, String decidedBy, Instant decidedAt, ReplyDecision decision, List<String> items,
                    LocalDate validUntil, String addedConditions, LegalBasis legalBasis, String reasons,
                    List<String> unmaskedItems, List<String> verificationKeys) {

    public Reply {
        unmaskedItems = unmaskedItems == null ? List.of() : List.copyOf(unmaskedItems);
        verificationKeys = verificationKeys == null ? List.of() : List.copyOf(verificationKeys);
    }

    public enum By {
        PROVIDER,
        AUTHORITY
    }

    public boolean grants() {
        return decision != ReplyDecision.REFUSE;
    }
}
