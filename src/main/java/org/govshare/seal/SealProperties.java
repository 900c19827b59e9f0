package org.govshare.seal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Seals, their keys and their timestamps (docs/seals.md).
 *
 * @param keyStore where the signing keys are kept
 * @param algorithms which algorithm seals what
 * @param issuer the organisation named in every certificate the platform's root issues
 * @param rootValidity how long a root certificate is valid from its making
 * @param certificateValidity how long a department's seal certificate is valid from its issue
 * @param tsa the time-stamping authority
 * @param sealValidity how long a department's GB/T 38540 seal (SESeal) holds from its making
 */
@ConfigurationProperties("govshare.seals")
public record SealProperties(@DefaultValue KeyStore keyStore, @DefaultValue Algorithms algorithms,
                             @DefaultValue("GovShare") String issuer,
                             @DefaultValue("P20Y") Period rootValidity,
                             @DefaultValue("P3Y") Period certificateValidity,
                             @DefaultValue Tsa tsa,
                             @DefaultValue("P3Y") Period sealValidity) {

    /**
     * A password-protected PKCS#12 file. Exactly one password source is used, in this order: {@code password},
     * {@code passwordFile}, a password made for this run (then the store lives in memory only).
     *
     * @param file the PKCS#12 file; made at first start when absent
     * @param password its password; in production from {@code GOVSHARE_SEALS_KEYSTORE_PASSWORD}, never in a file of
     *                 the repository
     * @param passwordFile when no password is given: the file it is read from, made at first start (the local run)
     * @param generatePerRun when neither is given: keys in memory for this run only (tests)
     */
    public record KeyStore(Path file, String password, Path passwordFile, @DefaultValue("false") boolean generatePerRun) {

        @Override
        public String toString() {
            return "KeyStore[file=" + file + ", password hidden, passwordFile=" + passwordFile + "]";
        }
    }

    /**
     * @param fallback the algorithm of every seal no other entry names
     * @param byFormat the algorithm per seal format (PAdES: ECDSA, which PDF readers check)
     * @param byKind the algorithm per document kind; wins over the format (checkpoints: ECDSA, which openssl checks)
     */
    public record Algorithms(@DefaultValue("SM2") SealAlgorithm fallback,
                             @DefaultValue Map<SealFormat, SealAlgorithm> byFormat,
                             @DefaultValue Map<DocumentKind, SealAlgorithm> byKind) {

        public SealAlgorithm choose(DocumentKind kind, SealFormat format) {
            SealAlgorithm forKind = byKind.get(kind);
            if (forKind != null) {
                return forKind;
            }
            return byFormat.getOrDefault(format, fallback);
        }
    }

    /**
     * @param url an outside RFC 3161 authority to use instead of the platform's own; its certificate must be listed
     *            in {@code trustedCertificates}
     * @param trustedCertificates a PEM file of the outside authority's certificates (and their roots)
     * @param policy the policy the platform's own authority names in its tokens
     * @param algorithm the algorithm of the platform's own authority's key (ECDSA: openssl checks it)
     */
    public record Tsa(URI url, Path trustedCertificates, @DefaultValue("1.3.6.1.4.1.61623.1.1") String policy,
                      @DefaultValue("ECDSA") SealAlgorithm algorithm) {
    }
}
