package org.govshare.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link SecretBox}, its key from the environment, the local key file, or made for this run. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretBox secretBox(SecretsProperties properties) {
        SecureRandom random = new SecureRandom();
        String key;
        if (properties.key() != null && !properties.key().isBlank()) {
            key = properties.key();
        } else if (properties.keyFile() != null) {
            key = keptIn(properties.keyFile(), random);
        } else if (properties.generatePerRun()) {
            key = SecretBox.newKey(random);
            log.info("Secrets are sealed with a key made for this run only; they cannot be read after a restart");
        } else {
            throw new IllegalStateException("govshare.secrets.key is not set: give the platform its secrets key in"
                    + " GOVSHARE_SECRETS_KEY, base64 of 32 random bytes (openssl rand -base64 32)");
        }
        SecretBox box = new SecretBox(decode(key, "govshare.secrets.key"),
                properties.previousKeys().stream().map(k -> decode(k, "govshare.secrets.previous-keys")).toList());
        log.info("Secrets at rest are sealed with AES-256-GCM under key {}", box.currentKeyId());
        return box;
    }

    /** The local run's key: read from the file, or made and written there at first start (owner-only where POSIX). */
    private static String keptIn(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(Files.createFile(file), SecretBox.newKey(random) + "\n", StandardCharsets.US_ASCII);
                    restrictToOwner(file);
                    log.info("Made a secrets key at {}; keep it with the database, which it opens", file);
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // another start made it first: use theirs
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the secrets key file " + file + " cannot be read or made", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static byte[] decode(String key, String setting) {
        try {
            byte[] bytes = Base64.getDecoder().decode(key.strip());
            if (bytes.length != SecretBox.KEY_BYTES) {
                throw new IllegalStateException(setting + " holds " + bytes.length + " bytes; an AES-256 key has 32"
                        + " (openssl rand -base64 32)");
            }
            return bytes;
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(setting + " is not base64; make a key with: openssl rand -base64 32");
        }
    }
}
