package org.govshare.grant;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Grants.
 *
 * @param expirySweep how often grants past their last day are recorded as expired (their state reads EXPIRED at
 *                    once either way; the sweep writes it down and audits it)
 */
@ConfigurationProperties("govshare.grants")
public record GrantsProperties(@DefaultValue("10m") Duration expirySweep) {
}
