package org.govshare.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL the zero-setup run starts for itself when no database is configured.
 *
 * @param enabled start it when {@code spring.datasource.url} is not set (the local profile sets this)
 * @param dataDirectory where its cluster lives between runs; delete it (with the search index) to start afresh
 * @param port the loopback port it listens on; 0 takes a free one, named in the start-up log
 * @param logFile where PostgreSQL's own output goes, so that it does not drown the platform's log
 */
@ConfigurationProperties("govshare.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("data/postgres.log") Path logFile) {
}
