package org.govshare.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A package's files by their path, and the ZIP that carries them: written by the maker, read by the verifier. */
final class PackageFiles {

    /** A package bigger than this is refused unread: a ZIP can unpack to far more than it weighs. */
    static final long MAX_UNPACKED = 512L * 1024 * 1024;

    private PackageFiles() {
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a ZIP in memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * The files of a ZIP in their order, folders left out.
     *
     * @throws IllegalArgumentException when it is not a ZIP, names a file twice (the two could be read differently by
     *                                  different tools), or unpacks to more than {@link #MAX_UNPACKED}
     */
    static Map<String, byte[]> read(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED) {
                        throw new IllegalArgumentException("it unpacks to more than " + MAX_UNPACKED / (1024 * 1024)
                                + " MB, more than any package the platform makes");
                    }
                    content.write(buffer, 0, n);
                }
                if (files.put(entry.getName(), content.toByteArray()) != null) {
                    throw new IllegalArgumentException("it holds " + entry.getName() + " twice");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("it is not a ZIP file: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("it is not a ZIP file, or an empty one");
        }
        return files;
    }
}
