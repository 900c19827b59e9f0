package org.govshare.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys in a PKCS#12 file protected by a password from the environment, or in memory for a test run. Bouncy Castle's
 * PKCS#12 reads and writes SM2 keys, which the JDK's does not.
 *
 * <p>Several nodes may share the file (a shared volume): a write takes an exclusive lock on a lock file beside it,
 * re-reads the file, adds its key and replaces the file atomically, so no node's key is lost to another's write and a
 * crash leaves the old store or the new one. A key not found is looked for again on disk, where another node may
 * have put it. Keys read are kept decrypted in memory, so that sealing does not decrypt a key each time.
 */
public class Pkcs12KeyVault implements KeyVault {

    private final Path file;
    private final char[] password;
    private final Map<String, Entry> read = new ConcurrentHashMap<>();
    private KeyStore store;

    /** @param file null to keep keys in memory only */
    public Pkcs12KeyVault(Path file, char[] password) {
        this.file = file;
        this.password = password.clone();
        this.store = load();
    }

    @Override
    public Optional<Entry> entry(String alias) {
        Entry known = read.get(alias);
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (this) {
            Optional<Entry> found = entryIn(store, alias);
            if (found.isEmpty() && file != null && Files.exists(file)) {
                store = load();
                found = entryIn(store, alias);
            }
            found.ifPresent(e -> read.put(alias, e));
            return found;
        }
    }

    @Override
    public synchronized void put(String alias, PrivateKey key, List<X509Certificate> chain) {
        try {
            if (file == null) {
                store.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
            } else {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (FileChannel lockFile = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock lock = lockFile.lock()) {
                    KeyStore current = load();
                    current.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
                    save(current);
                    store = current;
                }
            }
            read.put(alias, new Entry(key, List.copyOf(chain)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key " + alias + " cannot be kept in the seal key store", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the seal key store " + file + " cannot be written", e);
        }
    }

    private Optional<Entry> entryIn(KeyStore keys, String alias) {
        try {
            if (!keys.isKeyEntry(alias)) {
                return Optional.empty();
            }
            PrivateKey key = (PrivateKey) keys.getKey(alias, password);
            Certificate[] chain = keys.getCertificateChain(alias);
            return Optional.of(new Entry(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key " + alias + " cannot be read from the seal key store", e);
        }
    }

    private KeyStore load() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
            if (file != null && Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    keys.load(in, password);
                }
            } else {
                keys.load(null, password);
            }
            return keys;
        } catch (IOException e) {
            throw new IllegalStateException("the seal key store " + file + " cannot be opened: wrong password"
                    + " (govshare.seals.key-store.password) or not a PKCS#12 file", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the seal key store " + file + " cannot be read", e);
        }
    }

    private void save(KeyStore keys) throws IOException, GeneralSecurityException {
        Path next = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".new");
        try (OutputStream out = Files.newOutputStream(next)) {
            keys.store(out, password);
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
