package org.govshare.seal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Where signing keys are kept. {@link Pkcs12KeyVault} keeps them in a password-protected file; a hardware module
 * (PKCS#11) can take its place: docs/seals.md says with which settings.
 */
public interface KeyVault {

    Optional<Entry> entry(String alias);

    /** Keeps a key and its chain (certificate first) under this alias, durably before it returns. */
    void put(String alias, PrivateKey key, List<X509Certificate> chain);

    record Entry(PrivateKey privateKey, List<X509Certificate> chain) {
    }
}
