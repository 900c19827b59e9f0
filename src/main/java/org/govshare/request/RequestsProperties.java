package org.govshare.request;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sharing requests, under the one prefix {@code govshare.request} they share with the limits on what callers send
 * ({@link org.govshare.platform.web.RequestProperties}).
 *
 * @param reminderWorkingDays how many working days before the reply deadline the reviewer is reminded
 * @param maxPeriodDays the longest period any request may ask for, whatever the resource allows (a resource's
 *                      {@code MAX_GRANT_DAYS} condition may shorten it)
 */
@ConfigurationProperties("govshare.request")
public record RequestsProperties(@DefaultValue("2") int reminderWorkingDays, @DefaultValue("366") int maxPeriodDays) {
}
