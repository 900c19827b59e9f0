package org.govshare.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A push body copied to a temporary file before the push's transaction starts: a slow upload then holds no
 * database connection and no lock, and memory stays flat whatever the size (the body limit still applies while
 * copying). The file is deleted on close.
 */
final class SpooledBody implements AutoCloseable {

    private final Path file;

    private SpooledBody(Path file) {
        this.file = file;
    }

    static SpooledBody of(InputStream body) throws IOException {
        Path file = Files.createTempFile("govshare-push-", ".body");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return new SpooledBody(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
