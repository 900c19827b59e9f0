package org.govshare.correction;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Error correction.
 *
 * @param maxEvidenceSize the largest evidence file a report may carry
 * @param evidenceTypes the media types evidence may have (its first bytes must match too)
 * @param reminderWorkingDays how many working days before the verification deadline the provider is reminded
 */
@ConfigurationProperties("govshare.corrections")
public record CorrectionProperties(@DefaultValue("5MB") DataSize maxEvidenceSize,
                                   @DefaultValue({"application/pdf", "image/png", "image/jpeg"}) List<String> evidenceTypes,
                                   @DefaultValue("2") int reminderWorkingDays) {
}
