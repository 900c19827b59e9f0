package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** A form is read by an official in Tasklist: it shows the case itself and never sends them to an API address. */
class FormsTest {

    @Test
    void noFormPointsAnOfficialAtAnApiAddress() throws IOException {
        List<Path> forms;
        try (Stream<Path> files = Files.walk(Path.of("forms"))) {
            forms = files.filter(Files::isRegularFile).toList();
        }
        assertThat(forms).isNotEmpty();
        for (Path form : forms) {
            assertThat(Files.readString(form)).as(form.toString()).doesNotContain("/api/").doesNotContain("/engine-rest/");
        }
    }
}
