package org.govshare.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-setup run's own PostgreSQL commits as PostgreSQL does by default, a commit on disk before it returns:
 * the platform answers only once the answer's audit event is durable, and zonky's default for tests is otherwise.
 */
class EmbeddedPostgresConfigurationTest {

    @Test
    void theLocalRunsDatabaseWaitsForTheDiskAtEveryCommit(@TempDir Path data) throws Exception {
        var properties = new EmbeddedPostgresProperties(true, data.resolve("postgres"), 0, data.resolve("postgres.log"));
        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(properties);
                Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet shown = statement.executeQuery("show synchronous_commit")) {
            assertThat(shown.next()).isTrue();
            assertThat(shown.getString(1)).isEqualTo("on");
        }
    }
}
