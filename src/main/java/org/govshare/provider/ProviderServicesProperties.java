package org.govshare.provider;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Calling providers' services.
 *
 * @param maxTimeout the longest time-out a provider may register for its service (the shortest is 100 ms): a
 *                   consumer waits at most this long for an answer
 * @param maxAnswerSize the largest answer read from a provider's service; a larger one is a failed call (502)
 * @param allowedNetworks where providers' services may be: CIDR ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) and
 *                        host names ({@code api.gaj.zz.gov}, or {@code *.zz.gov} for any name under zz.gov); empty,
 *                        the default, reaches nothing. A listed name reaches only public addresses and listed ranges;
 *                        private, loopback, link-local and the platform's own addresses need a range lying inside them
 */
@ConfigurationProperties("govshare.provider-services")
public record ProviderServicesProperties(@DefaultValue("30s") Duration maxTimeout,
                                         @DefaultValue("10MB") DataSize maxAnswerSize,
                                         @DefaultValue List<String> allowedNetworks) {
}
