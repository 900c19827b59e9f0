package org.govshare.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Cross-cutting beans. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The platform's clock, UTC; one place to change for tests that need another time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
