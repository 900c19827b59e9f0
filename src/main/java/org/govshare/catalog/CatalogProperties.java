package org.govshare.catalog;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param overlapThreshold the share (0 to 1) of a new entry's data items found in another department's published
 *                         resource from which the entry is flagged as possible repeated collection (Art. 9)
 * @param maxAssessmentSize the largest assessment report a submission may carry (Art. 13 of the national regulation)
 * @param assessmentTypes  the media types an assessment report may have (its first bytes must match too)
 * @param versionsKept     how many published versions this node keeps once read (they never change): each read of
 *                         data and each request step reads its resource's; 0 keeps none
 * @param countedUpTo      how far a search with words counts its matches; past it the answer says "more than this
 *                         many", and its page is read in the codes' order without ordering every match (at least 1)
 */
@ConfigurationProperties("govshare.catalog")
public record CatalogProperties(@DefaultValue("0.6") double overlapThreshold,
                                @DefaultValue("5MB") DataSize maxAssessmentSize,
                                @DefaultValue({"application/pdf"}) List<String> assessmentTypes,
                                @DefaultValue("20000") int versionsKept,
                                @DefaultValue("10000") int countedUpTo) {

    public CatalogProperties {
        if (countedUpTo < 1) {
            throw new IllegalArgumentException("a search counts at least 1 match, not " + countedUpTo
                    + " (govshare.catalog.counted-up-to)");
        }
    }
}
