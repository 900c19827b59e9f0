package org.govshare.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A package's files by their path, and the ZIP that carries them: written by the maker, read by the verifier.
 *
 * <p>A ZIP names its files twice, in a local header before each file and in the central directory at the end, and
 * tools differ in which they read: {@code unzip} the central directory, a stream the local headers. So the verifier
 * reads both and refuses a ZIP whose two lists differ, or that has room for a second reading (bytes before the first
 * file, between files, after the end record, a second end record): what it checks is then what any tool unpacks.
 */
final class PackageFiles {

    /** One file bigger than this unpacked is refused: no part the platform packs comes near it. */
    static final long MAX_ENTRY = 64L * 1024 * 1024;
    /** A package unpacking to more than this in all is refused, counted while unpacking: a ZIP can lie about sizes. */
    static final long MAX_TOTAL = 256L * 1024 * 1024;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_RECORD = 0x06054b50;
    private static final int DATA_DESCRIPTOR = 0x08074b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int FLAG_DATA_DESCRIPTOR = 0x08;

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
     * @throws IllegalArgumentException when it is not a ZIP, could be read as two different ZIPs (see the class),
     *                                  names a file twice or by a path that leaves the folder it is unpacked into, or
     *                                  unpacks to more than {@link #MAX_ENTRY} a file or {@link #MAX_TOTAL} in all
     */
    static Map<String, byte[]> read(byte[] zip) {
        return read(zip, MAX_ENTRY, MAX_TOTAL);
    }

    /** {@link #read(byte[])} with other limits: a test shows them refused without unpacking hundreds of MB. */
    static Map<String, byte[]> read(byte[] zip, long maxEntry, long maxTotal) {
        List<Entry> central = centralDirectory(zip);
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Entry> local = new ArrayList<>();
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                CRC32 crc = new CRC32();
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    unpacked += n;
                    if (content.size() + n > maxEntry) {
                        throw new IllegalArgumentException(entry.getName() + " unpacks to more than "
                                + megabytes(maxEntry) + ", more than any file the platform packs");
                    }
                    if (unpacked > maxTotal) {
                        throw new IllegalArgumentException("it unpacks to more than " + megabytes(maxTotal)
                                + ", more than any package the platform makes");
                    }
                    content.write(buffer, 0, n);
                    crc.update(buffer, 0, n);
                }
                local.add(new Entry(entry.getName(), content.size(), crc.getValue()));
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), content.toByteArray());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("its files cannot be unpacked: " + e.getMessage(), e);
        }
        sameFiles(central, local);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("it is an empty ZIP file");
        }
        return files;
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /** The central directory's list must be the local headers', file for file, in the same order. */
    private static void sameFiles(List<Entry> central, List<Entry> local) {
        if (central.size() != local.size()) {
            throw new IllegalArgumentException("its central directory lists " + central.size() + " files, its local"
                    + " headers " + local.size() + ": tools would unpack different files");
        }
        for (int i = 0; i < central.size(); i++) {
            Entry listed = central.get(i);
            Entry found = local.get(i);
            if (!listed.name().equals(found.name()) || listed.size() != found.size() || listed.crc() != found.crc()) {
                throw new IllegalArgumentException("file " + (i + 1) + " is " + listed.name() + " (" + listed.size()
                        + " bytes) in its central directory but " + found.name() + " (" + found.size() + " bytes) in"
                        + " its local header, or their CRCs differ: tools would unpack different files");
            }
        }
    }

    /**
     * The central directory, read from the one end record, with every file's local header found where it says and
     * the files packed back to back from the first byte to the directory.
     */
    private static List<Entry> centralDirectory(byte[] zip) {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = endRecord(bytes);
        if (bytes.getShort(end + 4) != 0 || bytes.getShort(end + 6) != 0) {
            throw new IllegalArgumentException("it is a ZIP split over several disks");
        }
        int count = Short.toUnsignedInt(bytes.getShort(end + 10));
        long directorySize = Integer.toUnsignedLong(bytes.getInt(end + 12));
        long directoryStart = Integer.toUnsignedLong(bytes.getInt(end + 16));
        if (count == 0xffff || directoryStart == 0xffffffffL || directorySize == 0xffffffffL) {
            throw new IllegalArgumentException("it is a ZIP64 file, which the platform never makes");
        }
        if (directoryStart + directorySize != end) {
            throw new IllegalArgumentException("its central directory is not where its end record says: there are"
                    + " bytes before or between its parts");
        }
        List<Entry> entries = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        int at = (int) directoryStart;
        long expectedLocal = 0;
        for (int i = 0; i < count; i++) {
            need(bytes, at, 46);
            if (bytes.getInt(at) != CENTRAL_HEADER) {
                throw new IllegalArgumentException("its central directory is broken at file " + (i + 1));
            }
            int flags = Short.toUnsignedInt(bytes.getShort(at + 8));
            long crc = Integer.toUnsignedLong(bytes.getInt(at + 16));
            long compressed = Integer.toUnsignedLong(bytes.getInt(at + 20));
            long size = Integer.toUnsignedLong(bytes.getInt(at + 24));
            int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(bytes.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(bytes.getShort(at + 32));
            long localAt = Integer.toUnsignedLong(bytes.getInt(at + 42));
            need(bytes, at + 46, nameLength);
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            checkName(name, names);
            if (localAt != expectedLocal) {
                throw new IllegalArgumentException(name + " starts at byte " + localAt + " where " + expectedLocal
                        + " was expected: there are bytes before or between its files");
            }
            expectedLocal = afterLocalEntry(bytes, name, (int) localAt, compressed, (flags & FLAG_DATA_DESCRIPTOR) != 0);
            entries.add(new Entry(name, size, crc));
            at += 46 + nameLength + extraLength + commentLength;
        }
        if (at != end || expectedLocal != directoryStart) {
            throw new IllegalArgumentException("its central directory and its files do not meet: there are bytes"
                    + " between them, or files the directory does not list");
        }
        return entries;
    }

    /** The one end-of-central-directory record, ending exactly where the file does (after its comment). */
    private static int endRecord(ByteBuffer bytes) {
        int found = -1;
        for (int at = bytes.limit() - END_RECORD_SIZE; at >= 0; at--) {
            if (bytes.getInt(at) == END_RECORD && plausibleEndRecord(bytes, at)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("it has more than one end-of-central-directory record: it is"
                            + " one ZIP with another appended, which tools would read differently");
                }
                found = at;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("it is not a ZIP file: no end-of-central-directory record");
        }
        int comment = Short.toUnsignedInt(bytes.getShort(found + 20));
        if (found + END_RECORD_SIZE + comment != bytes.limit()) {
            throw new IllegalArgumentException("there are " + (bytes.limit() - found - END_RECORD_SIZE - comment)
                    + " bytes after its end record");
        }
        return found;
    }

    /** A record whose directory would lie before it and whose comment fits in the file: not a chance byte pattern. */
    private static boolean plausibleEndRecord(ByteBuffer bytes, int at) {
        long size = Integer.toUnsignedLong(bytes.getInt(at + 12));
        long start = Integer.toUnsignedLong(bytes.getInt(at + 16));
        return start + size <= at && at + END_RECORD_SIZE + Short.toUnsignedInt(bytes.getShort(at + 20)) <= bytes.limit();
    }

    /** Where the entry whose local header starts here ends, its data descriptor included. */
    private static long afterLocalEntry(ByteBuffer bytes, String name, int at, long compressed, boolean descriptor) {
        need(bytes, at, 30);
        if (bytes.getInt(at) != LOCAL_HEADER) {
            throw new IllegalArgumentException(name + ": no local header where the central directory puts it");
        }
        long after = (long) at + 30 + Short.toUnsignedInt(bytes.getShort(at + 26))
                + Short.toUnsignedInt(bytes.getShort(at + 28)) + compressed;
        if (descriptor) {
            need(bytes, after, 12);
            after += bytes.getInt((int) after) == DATA_DESCRIPTOR ? 16 : 12;
        }
        need(bytes, after, 0);
        return after;
    }

    private static void need(ByteBuffer bytes, long at, int length) {
        if (at < 0 || at + length > bytes.limit()) {
            throw new IllegalArgumentException("it is a truncated or broken ZIP file");
        }
    }

    /** Refuses a name that two tools could unpack to two places, or that leaves the folder it is unpacked into. */
    private static void checkName(String name, Set<String> seen) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("it names a file " + name + ": an absolute path, a backslash or no name");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new IllegalArgumentException("it names a file " + name + ", which leaves the folder it is"
                        + " unpacked into");
            }
        }
        if (!seen.add(name)) {
            throw new IllegalArgumentException("it holds " + name + " twice");
        }
    }

    /** A file as one of the two lists gives it. */
    private record Entry(String name, long size, long crc) {
    }
}
