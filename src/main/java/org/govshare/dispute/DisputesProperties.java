package org.govshare.dispute;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Disputes (Art. 18).
 *
 * @param filingWorkingDays how many working days after a request was refused or narrowed its applicant may dispute it
 */
@ConfigurationProperties("govshare.disputes")
public record DisputesProperties(@DefaultValue("15") int filingWorkingDays) {
}
