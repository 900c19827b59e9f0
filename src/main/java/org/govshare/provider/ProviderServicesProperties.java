package org.govshare.provider;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Calling providers' services.
 *
 * @param maxTimeout the longest time-out a provider may register for its service (the shortest is 100 ms): a
 *                   consumer waits at most this long for an answer
 * @param maxAnswerSize the largest answer read from a provider's service; a larger one is a failed call (502)
 */
@ConfigurationProperties("govshare.provider-services")
public record ProviderServicesProperties(@DefaultValue("30s") Duration maxTimeout,
                                         @DefaultValue("10MB") DataSize maxAnswerSize) {
}
