package org.govshare.seal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key that seals, with its certificate.
 *
 * @param department the department code the certificate is issued to ({@code platform} for the platform's own keys)
 * @param chain the certificate first, the root last
 */
public record SealingKey(String department, SealAlgorithm algorithm, PrivateKey privateKey, X509Certificate certificate,
                         List<X509Certificate> chain) {

    @Override
    public String toString() {
        return "SealingKey[" + department + ", " + algorithm + ", serial " + certificate.getSerialNumber().toString(16) + "]";
    }
}
