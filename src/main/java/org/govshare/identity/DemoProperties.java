package org.govshare.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo departments and officials for the local run.
 *
 * @param enabled create them at start (never in production)
 * @param password the password every demo official gets
 */
@ConfigurationProperties("govshare.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, String password) {
}
