package org.govshare.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.govshare.seal.BouncyCastle;
import org.govshare.seal.Sealing;
import org.govshare.seal.TrustMaterial;

/**
 * The trust material a package carries (roots, time-stamping certificates, CRLs, revoked seals), read back as a
 * {@link TrustMaterial}; or, when the reader pins roots of their own, those roots instead of the package's, and only
 * the time-stamping authorities they issued.
 */
final class PackageTrust {

    private PackageTrust() {
    }

    static TrustMaterial of(Map<String, byte[]> files, List<X509Certificate> pinnedRoots) {
        List<X509Certificate> roots = pinnedRoots.isEmpty() ? certificates(files, PackageLayout.ROOTS) : pinnedRoots;
        // with pinned roots, a time-stamping authority counts only as the certificate its token carries, issued under
        // one of them: a certificate the package lists would otherwise be trusted as it stands
        List<X509Certificate> timeStamping = pinnedRoots.isEmpty() ? certificates(files, PackageLayout.TIME_STAMPING)
                : List.of();
        List<X509CRL> crls = new ArrayList<>();
        files.forEach((path, content) -> {
            if (path.startsWith(PackageLayout.CRLS) && path.endsWith(".crl")) {
                crls.add(crl(content));
            }
        });
        byte[] revoked = files.get(PackageLayout.REVOKED_SEALS);
        Set<String> revokedSeals = revoked == null ? Set.of() : readRevoked(revoked);
        return new TrustMaterial(roots, timeStamping, crls, revokedSeals);
    }

    /** The certificates of the PEM files under a folder of the package, in path order. */
    static List<X509Certificate> certificates(Map<String, byte[]> files, String folder) {
        List<X509Certificate> found = new ArrayList<>();
        files.entrySet().stream().filter(f -> f.getKey().startsWith(folder) && f.getKey().endsWith(".pem"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(f -> found.addAll(pem(f.getValue())));
        return found;
    }

    /** Certificates from PEM (or DER) bytes. */
    static List<X509Certificate> pem(byte[] content) {
        try {
            return CertificateFactory.getInstance("X.509", BouncyCastle.provider())
                    .generateCertificates(new ByteArrayInputStream(content)).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not PEM certificates: " + e.getMessage(), e);
        }
    }

    static byte[] pem(X509Certificate certificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("writing PEM to a string cannot fail", e);
        }
        return PackageLayout.utf8(text.toString());
    }

    static byte[] der(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (CRLException e) {
            throw new IllegalStateException("a CRL the platform published cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 fingerprint as openssl prints it ({@code openssl x509 -noout -fingerprint -sha256}). */
    static String fingerprint(X509Certificate certificate) {
        try {
            String hex = Sealing.sha256(certificate.getEncoded()).toUpperCase(Locale.ROOT);
            return String.join(":", hex.split("(?<=\\G..)"));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("a certificate that cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static X509CRL crl(byte[] content) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509", BouncyCastle.provider())
                    .generateCRL(new ByteArrayInputStream(content));
        } catch (CertificateException | CRLException e) {
            throw new IllegalArgumentException("not a CRL: " + e.getMessage(), e);
        }
    }

    private static Set<String> readRevoked(byte[] content) {
        try {
            return PackageLayout.JSON.readValue(content, new TypeReference<Set<String>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException(PackageLayout.REVOKED_SEALS + " is not a JSON list of seal ids", e);
        }
    }
}
