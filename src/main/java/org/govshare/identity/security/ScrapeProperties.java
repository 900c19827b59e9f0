package org.govshare.identity.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credential a metrics scraper (Prometheus) sends to {@code /actuator/prometheus}, besides any official with the
 * process owner's role (docs/operations.md).
 *
 * @param username       the scraper's login, HTTP Basic
 * @param scrapePassword its password; blank turns the scrape credential off, leaving the endpoint to process owners
 */
@ConfigurationProperties("govshare.metrics")
record ScrapeProperties(@DefaultValue("prometheus") String username, String scrapePassword) {

    boolean enabled() {
        return scrapePassword != null && !scrapePassword.isBlank();
    }
}
