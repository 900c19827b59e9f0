package org.govshare.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's answers before any seal is looked at: usage, unreadable files, a package that is not one. */
class VerifyCommandTest {

    @TempDir
    Path folder;

    private record Ran(int exitCode, String output) {
    }

    private static Ran run(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Ran(exit, printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutAPackageItSaysHowToCallIt() {
        assertThat(run()).isEqualTo(new Ran(2, VerifyCommand.USAGE + System.lineSeparator()));
        assertThat(run("a.zip", "b.zip").exitCode()).isEqualTo(2);
        assertThat(run("--root").exitCode()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNoPackageIsUnreadable() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.zip"), "not a zip");
        Path noManifest = Files.write(folder.resolve("other.zip"),
                PackageFiles.zip(Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8))));

        assertThat(run(text.toString())).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.output()).contains("FAIL the file is not an evidence package: it is not a ZIP file")
                    .contains("UNREADABLE");
        });
        assertThat(run(noManifest.toString()).output()).contains("FAIL the package has no manifest.json");
        assertThat(run(folder.resolve("missing.zip").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void aRootThatIsNoCertificateIsRefusedBeforeThePackageIsRead() throws Exception {
        Path root = Files.writeString(folder.resolve("root.pem"), "-----BEGIN CERTIFICATE-----\nnope\n");

        Ran ran = run("--root", root.toString(), "package.zip");

        assertThat(ran.exitCode()).isEqualTo(2);
        assertThat(ran.output()).startsWith("the root " + root + " cannot be read as PEM certificates");
    }
}
