package org.govshare.complaint;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Complaints (Art. 32). The investigation and statement deadlines are the rule pack's (its {@code deadlines:})
 * {@code complaint-investigation} and {@code complaint-statement}.
 *
 * @param maxEvidenceSize the largest file a complaint may carry
 * @param evidenceTypes the media types its files may have (their first bytes must match too)
 * @param maxEvidenceFiles how many files one complaint may carry
 * @param maxCitations how many case numbers, and how many audit event ids, one complaint may cite
 * @param reminderWorkingDays how many working days before the investigation is due the authority is reminded
 */
@ConfigurationProperties("govshare.complaints")
public record ComplaintProperties(@DefaultValue("5MB") DataSize maxEvidenceSize,
                                  @DefaultValue({"application/pdf", "image/png", "image/jpeg"}) List<String> evidenceTypes,
                                  @DefaultValue("5") int maxEvidenceFiles,
                                  @DefaultValue("20") int maxCitations,
                                  @DefaultValue("3") int reminderWorkingDays) {
}
