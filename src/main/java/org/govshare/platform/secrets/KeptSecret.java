package org.govshare.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret the local run keeps in a file beside its data: read from it, or made and written there at first start,
 * readable by the owner only where the file system says who owns what.
 */
public final class KeptSecret {

    private static final Logger log = LoggerFactory.getLogger(KeptSecret.class);

    private KeptSecret() {
    }

    /** @param what what the secret opens, for the log and the error */
    public static String in(Path file, Supplier<String> make, String what) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(Files.createFile(file), make.get() + "\n", StandardCharsets.US_ASCII);
                    restrictToOwner(file);
                    log.info("Made {} at {}; keep it with what it opens", what, file);
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // another start made it first: use theirs
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " in " + file + " cannot be read or made", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
