package org.govshare.anchor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The append-only JSON-lines file of checkpoints ({@code govshare.anchor.file}): one line per checkpoint, in order,
 * each written and forced to disk once. It is caught up from the database, so a line lost to a crash between the
 * commit and the write, or a checkpoint another node made, is written the next time round.
 */
@Component
class CheckpointFile {

    private static final int BATCH = 100;

    private final Path file;
    private final CheckpointStore store;
    private final ObjectMapper json;
    private long writtenUpTo = -1;

    CheckpointFile(AnchorProperties properties, CheckpointStore store, ObjectMapper objectMapper) {
        this.json = objectMapper;
        this.file = properties.file();
        this.store = store;
    }

    Path path() {
        return file;
    }

    /** Appends every stored checkpoint the file lacks; returns how many. */
    synchronized int catchUp() {
        try {
            if (writtenUpTo < 0) {
                writtenUpTo = newest().map(Checkpoint::number).orElse(0L);
            }
            int written = 0;
            List<Checkpoint> batch;
            do {
                batch = store.after(writtenUpTo, BATCH);
                if (!batch.isEmpty()) {
                    append(batch);
                    writtenUpTo = batch.get(batch.size() - 1).number();
                    written += batch.size();
                }
            } while (batch.size() == BATCH);
            return written;
        } catch (IOException e) {
            writtenUpTo = -1;
            throw new UncheckedIOException("could not write audit checkpoints to " + file.toAbsolutePath(), e);
        }
    }

    /** The checkpoints the file holds, in its order. */
    List<Checkpoint> read() throws IOException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    checkpoints.add(json.readValue(line, CheckpointLine.class).toCheckpoint());
                }
            }
        }
        return checkpoints;
    }

    private void append(List<Checkpoint> checkpoints) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Checkpoint checkpoint : checkpoints) {
            lines.append(json.writeValueAsString(CheckpointLine.of(checkpoint))).append('\n');
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (channel.size() > 0 && !endsWithNewline()) {
                // after a torn line the next checkpoint starts a line of its own; readers skip the torn one
                lines.insert(0, '\n');
            }
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    /** The file's last checkpoint, read from its end; empty when the file has none. */
    Optional<Checkpoint> newest() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            if (end > 0 && byteAt(raf, end - 1) != '\n') {
                // a write cut short (a crash, a full disk) left a torn last line: the newest whole line is before it
                while (end > 0 && byteAt(raf, end - 1) != '\n') {
                    end--;
                }
            }
            while (end > 0 && byteAt(raf, end - 1) == '\n') {
                end--;
            }
            long start = end;
            while (start > 0 && byteAt(raf, start - 1) != '\n') {
                start--;
            }
            if (start == end) {
                return Optional.empty();
            }
            byte[] line = new byte[Math.toIntExact(end - start)];
            raf.seek(start);
            raf.readFully(line);
            return Optional.of(json.readValue(line, CheckpointLine.class).toCheckpoint());
        }
    }

    private boolean endsWithNewline() throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            return raf.length() == 0 || byteAt(raf, raf.length() - 1) == '\n';
        }
    }

    private static int byteAt(RandomAccessFile raf, long position) throws IOException {
        raf.seek(position);
        return raf.read();
    }
}
