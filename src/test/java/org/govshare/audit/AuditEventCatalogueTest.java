package org.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/audit-events.md describes every action the code can record. */
class AuditEventCatalogueTest {

    @Test
    void everyActionIsDocumented() throws IOException {
        String catalogue = Files.readString(Path.of("docs/audit-events.md"));

        for (AuditAction action : AuditAction.values()) {
            assertThat(catalogue).as(action.name()).contains("| `" + action.name() + "` |");
        }
    }
}
