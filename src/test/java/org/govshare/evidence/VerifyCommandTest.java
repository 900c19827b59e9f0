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

/**
 * The command's answers: usage, unreadable files, a package that is not one or that two tools would read differently,
 * and the exit code that tells a package checked against its own roots from one checked against pinned roots.
 */
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

    @Test
    void aPackageHoldingOnlyAgainstItsOwnRootsExits3AndAgainstPinnedRootsIsRefused() throws Exception {
        Path forged = Files.write(folder.resolve("forged.zip"), PackageVerifierTest.forgedBy(
                new ThrowawayAuthority("sharing-authority")));
        Path platformRoot = Files.write(folder.resolve("roots.pem"),
                PackageTrust.pem(new ThrowawayAuthority("platform").root));

        Ran unpinned = run(forged.toString());
        assertThat(unpinned.exitCode()).as(unpinned.output()).isEqualTo(3);
        assertThat(unpinned.output()).doesNotContain("ALL HOLD").endsWith("HOLDS AGAINST THE PACKAGE'S OWN ROOTS: 5"
                + " checks; pin the platform's roots with --root (GET /api/seals/roots) to prove who sealed it"
                + System.lineSeparator());
        Ran pinned = run("--root", platformRoot.toString(), forged.toString());
        assertThat(pinned.exitCode()).as(pinned.output()).isEqualTo(1);
        assertThat(pinned.output()).contains("FAIL manifest.json: its seal does not hold: UNKNOWN_SIGNER");
    }

    @Test
    void aZipThatUnzipReadsAsOtherFilesIsRefusedAsUnreadable() throws Exception {
        Path appended = Files.write(folder.resolve("appended.zip"), PackageFilesTest.withForgedFilesAppended());

        Ran ran = run(appended.toString());

        assertThat(ran.exitCode()).isEqualTo(2);
        assertThat(ran.output()).contains("FAIL the file is not an evidence package: it has more than one"
                + " end-of-central-directory record").contains("UNREADABLE").doesNotContain("\tat ");
    }
}
