package org.govshare.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what callers may send.
 *
 * @param maxBodySize the largest request body accepted on the API; larger ones get 413 before anything reads them
 * @param defaultPageSize the items on a page of a list when the caller gives no {@code size}
 * @param maxPageSize the most items a caller may ask for on one page of any list ({@code size} from 1 to this)
 * @param maxPage the deepest page a caller may ask for ({@code page} from 0 to this); deeper means a narrower query
 */
@ConfigurationProperties("govshare.request")
public record RequestProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("20") int defaultPageSize,
                                @DefaultValue("100") int maxPageSize, @DefaultValue("10000") int maxPage) {
}
