package org.govshare.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Keys in a PKCS#12 file protected by a password from the environment, or in memory for a test run. Bouncy Castle's
 * PKCS#12 reads and writes SM2 keys, which the JDK's does not. A write replaces the file atomically, so a crash
 * leaves the old store or the new one, never half of one.
 */
public class Pkcs12KeyVault implements KeyVault {

    private final Path file;
    private final char[] password;
    private final KeyStore store;

    /** @param file null to keep keys in memory only */
    public Pkcs12KeyVault(Path file, char[] password) {
        this.file = file;
        this.password = password.clone();
        try {
            this.store = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
            if (file != null && Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, this.password);
                }
            } else {
                store.load(null, this.password);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the seal key store " + file + " cannot be opened: wrong password"
                    + " (govshare.seals.key-store.password) or not a PKCS#12 file", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the seal key store " + file + " cannot be read", e);
        }
    }

    @Override
    public synchronized Optional<Entry> entry(String alias) {
        try {
            if (!store.isKeyEntry(alias)) {
                return Optional.empty();
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            return Optional.of(new Entry(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key " + alias + " cannot be read from the seal key store", e);
        }
    }

    @Override
    public synchronized void put(String alias, PrivateKey key, List<X509Certificate> chain) {
        try {
            store.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
            save();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key " + alias + " cannot be kept in the seal key store", e);
        }
    }

    private void save() throws GeneralSecurityException {
        if (file == null) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path next = Files.createTempFile(parent, file.getFileName().toString(), ".new");
            try (OutputStream out = Files.newOutputStream(next)) {
                store.store(out, password);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the seal key store " + file + " cannot be written", e);
        }
    }
}
