package org.govshare.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cross-cutting beans; scheduled sweeps (grant expiry) run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    /** The platform's clock, UTC; one place to change for tests that need another time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
