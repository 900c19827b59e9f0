package org.govshare.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** A package's ZIP read back, and every ZIP that two tools could read as two different packages refused. */
class PackageFilesTest {

    private static final byte[] GENUINE = PackageFiles.zip(Map.of("manifest.json", "{\"genuine\":true}".getBytes(
            StandardCharsets.UTF_8)));

    /**
     * The genuine ZIP, then a forged one appended whose central directory points at its own entries, shifted past the
     * genuine bytes: {@code unzip} reads the last end record and shows the forged files, a stream the genuine ones.
     */
    static byte[] withForgedFilesAppended() {
        byte[] forged = PackageFiles.zip(Map.of("manifest.json", "{\"forged\":true}".getBytes(StandardCharsets.UTF_8),
                "audit/events.json", "[]".getBytes(StandardCharsets.UTF_8)));
        ByteBuffer bytes = ByteBuffer.wrap(forged).order(ByteOrder.LITTLE_ENDIAN);
        int end = forged.length - 22;
        int directory = bytes.getInt(end + 16);
        for (int at = directory; at < end; at += 46 + bytes.getShort(at + 28) + bytes.getShort(at + 30)
                + bytes.getShort(at + 32)) {
            bytes.putInt(at + 42, bytes.getInt(at + 42) + GENUINE.length);
        }
        bytes.putInt(end + 16, directory + GENUINE.length);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(GENUINE);
        both.writeBytes(forged);
        return both.toByteArray();
    }

    @Test
    void aZipWithForgedFilesAndAnotherCentralDirectoryAppendedIsRefused() throws Exception {
        byte[] appended = withForgedFilesAppended();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("appended", ".zip");
        java.nio.file.Files.write(file, appended);
        try (java.util.zip.ZipFile asUnzipSeesIt = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(asUnzipSeesIt.getEntry("audit/events.json")).as("the central directory's reading").isNotNull();
        } finally {
            java.nio.file.Files.delete(file);
        }

        assertThatThrownBy(() -> PackageFiles.read(appended)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than one end-of-central-directory record");
    }

    @Test
    void bytesBeforeTheFirstFileOrAfterTheEndRecordAreRefused() {
        byte[] prefixed = new byte[GENUINE.length + 3];
        System.arraycopy(GENUINE, 0, prefixed, 3, GENUINE.length);
        byte[] trailing = java.util.Arrays.copyOf(GENUINE, GENUINE.length + 3);

        assertThatThrownBy(() -> PackageFiles.read(prefixed)).hasMessageContaining("there are bytes before or between");
        assertThatThrownBy(() -> PackageFiles.read(trailing)).hasMessage("there are 3 bytes after its end record");
    }

    @Test
    void aCentralDirectoryThatDiffersFromTheLocalHeadersIsRefused() {
        String raw = new String(GENUINE, StandardCharsets.ISO_8859_1);
        int central = raw.lastIndexOf("manifest.json");
        // the name changed in the central directory only: unzip would unpack a file the stream never saw
        String renamed = raw.substring(0, central) + "manifesT.json" + raw.substring(central + "manifest.json".length());

        assertThatThrownBy(() -> PackageFiles.read(renamed.getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("in its central directory but manifest.json");
    }

    @Test
    void namesThatLeaveTheFolderOrReadDifferentlyOnWindowsAreRefused() {
        for (String name : new String[] {"../manifest.json", "/etc/manifest.json", "audit\\events.json",
                                         "C:/manifest.json"}) {
            assertThatThrownBy(() -> PackageFiles.read(PackageFiles.zip(Map.of(name, new byte[] {1}))))
                    .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it names a file " + name);
        }
    }

    @Test
    void aFileOrAPackageUnpackingBeyondTheLimitsIsRefusedWhileUnpacking() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : new String[] {"a.bin", "b.bin", "c.bin"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(new byte[40_000]);
                zip.closeEntry();
            }
        }
        byte[] zeros = out.toByteArray();

        assertThat(zeros.length).as("it weighs far less than it unpacks to").isLessThan(2_000);
        assertThatThrownBy(() -> PackageFiles.read(zeros, 30_000, 1_000_000))
                .hasMessage("a.bin unpacks to more than 30000 bytes, more than any file the platform packs");
        assertThatThrownBy(() -> PackageFiles.read(zeros, 50_000, 100_000))
                .hasMessage("it unpacks to more than 100000 bytes, more than any package the platform makes");
        assertThat(PackageFiles.read(zeros, 50_000, 120_000)).hasSize(3);
        assertThat(PackageFiles.MAX_ENTRY).isEqualTo(64L * 1024 * 1024);
        assertThat(PackageFiles.MAX_TOTAL).isEqualTo(256L * 1024 * 1024);
    }

    @Test
    void filesComeBackInTheirOrderByteForByte() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        files.put("audit/events.json", new byte[] {0, 1, 2, (byte) 0xff});

        Map<String, byte[]> read = PackageFiles.read(PackageFiles.zip(files));

        assertThat(read.keySet()).containsExactly("manifest.json", "audit/events.json");
        assertThat(read.get("audit/events.json")).containsExactly(0, 1, 2, 0xff);
    }

    @Test
    void aFileNamedTwiceIsRefusedSinceTwoToolsCouldReadTwoDifferentPackages() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        files.put("manifesT.json", "{\"a\":2}".getBytes(StandardCharsets.UTF_8));
        // the same name twice, which no ZIP writer would make: renamed in the raw bytes
        String raw = new String(PackageFiles.zip(files), StandardCharsets.ISO_8859_1).replace("manifesT.json", "manifest.json");

        assertThatThrownBy(() -> PackageFiles.read(raw.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("it holds manifest.json twice");
    }

    @Test
    void whatIsNoZipIsRefused() {
        assertThatThrownBy(() -> PackageFiles.read("not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a ZIP");
    }
}
