package org.govshare.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PackageFilesTest {

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
