package org.govshare.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package's trust material read back, and the roots' fingerprints in the form openssl prints them. */
class PackageTrustTest {

    private static X509Certificate selfSigned(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(new X500Name("CN=" + name),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now), Date.from(now.plus(1, ChronoUnit.DAYS)),
                new X500Name("CN=" + name), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    @Test
    void theFingerprintIsTheOneOpensslPrints(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(opensslIsInstalled(), "openssl is not installed: the independent check is skipped");
        X509Certificate root = selfSigned("root");
        Path pem = Files.write(dir.resolve("root.pem"), PackageTrust.pem(root));

        Process openssl = new ProcessBuilder("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", pem.toString())
                .redirectErrorStream(true).start();
        String printed = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(printed).isEqualToIgnoringCase("sha256 Fingerprint=" + PackageTrust.fingerprint(root));
    }

    @Test
    void pinnedRootsReplaceThePackagesAndItsListedTimeStampingAuthorities() throws Exception {
        X509Certificate carried = selfSigned("carried root");
        X509Certificate tsa = selfSigned("listed tsa");
        X509Certificate pinned = selfSigned("pinned root");
        Map<String, byte[]> files = Map.of(PackageLayout.ROOTS + "1.pem", PackageTrust.pem(carried),
                PackageLayout.TIME_STAMPING + "2.pem", PackageTrust.pem(tsa));

        assertThat(PackageTrust.of(files, List.of()).roots()).containsExactly(carried);
        assertThat(PackageTrust.of(files, List.of()).timestampAuthorities()).containsExactly(tsa);
        assertThat(PackageTrust.of(files, List.of(pinned)).roots()).containsExactly(pinned);
        assertThat(PackageTrust.of(files, List.of(pinned)).timestampAuthorities()).isEmpty();
    }

    private static boolean opensslIsInstalled() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
