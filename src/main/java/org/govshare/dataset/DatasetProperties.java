package org.govshare.dataset;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Hosted datasets.
 *
 * @param maxPushSize the largest push body accepted (JSON or CSV); larger ones get 413. It replaces
 *                    {@code govshare.request.max-body-size} on the push call only
 * @param batchSize how many records a push checks against the stored ones and writes in one JDBC batch
 * @param maxErrors how many errors a refused push lists; the answer also says how many there were in all
 * @param zone the zone of date-times pushed without an offset ({@code 2026-03-01T09:30:00})
 */
@ConfigurationProperties("govshare.datasets")
public record DatasetProperties(@DefaultValue("200MB") DataSize maxPushSize, @DefaultValue("500") int batchSize,
                                @DefaultValue("100") int maxErrors, @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
