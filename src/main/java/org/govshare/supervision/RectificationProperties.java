package org.govshare.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rectification (Art. 33); the first deadline is the rule pack's {@code deadlines.rectification}.
 *
 * @param secondDeadlineWorkingDays the shorter deadline, in working days, a department gets when the authority
 *                                  rejects its first report (there is no third)
 */
@ConfigurationProperties("govshare.rectification")
public record RectificationProperties(@DefaultValue("5") int secondDeadlineWorkingDays) {
}
