package org.govshare.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param overlapThreshold the share (0 to 1) of a new entry's data items found in another department's published
 *                         resource from which the entry is flagged as possible repeated collection (Art. 9)
 */
@ConfigurationProperties("govshare.catalog")
public record CatalogProperties(@DefaultValue("0.6") double overlapThreshold) {
}
