package org.govshare.usage;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Usage records (national Art. 29). How long they are kept and the grace before a finding are the rule pack's.
 *
 * @param maxFileSize the largest file a usage record may carry
 * @param fileTypes the media types its files may have (their first bytes must match too)
 * @param maxFiles how many files one record may carry
 */
@ConfigurationProperties("govshare.usage-records")
public record UsageRecordsProperties(@DefaultValue("5MB") DataSize maxFileSize,
                                     @DefaultValue({"application/pdf", "image/png", "image/jpeg"}) List<String> fileTypes,
                                     @DefaultValue("5") int maxFiles) {
}
