package org.govshare.seal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;

import org.govshare.platform.secrets.KeptSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key store, the time-stamping authority and what an outside one is trusted by. */
@Configuration(proxyBeanMethods = false)
class SealConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SealConfiguration.class);

    @Bean
    KeyVault keyVault(SealProperties properties) {
        SealProperties.KeyStore settings = properties.keyStore();
        BouncyCastle.provider();
        if (settings.password() != null && !settings.password().isBlank()) {
            requireFile(settings);
            return new Pkcs12KeyVault(settings.file(), settings.password().toCharArray());
        }
        if (settings.passwordFile() != null) {
            requireFile(settings);
            String password = KeptSecret.in(settings.passwordFile(), SealConfiguration::newPassword, "the seal key store's password");
            log.info("Seal keys are kept in {}", settings.file());
            return new Pkcs12KeyVault(settings.file(), password.toCharArray());
        }
        if (settings.generatePerRun()) {
            log.info("Seal keys live in memory for this run only: seals made now cannot be made again after a restart");
            return new Pkcs12KeyVault(null, newPassword().toCharArray());
        }
        throw new IllegalStateException("govshare.seals.key-store.password is not set: give the seal key store's password in"
                + " GOVSHARE_SEALS_KEYSTORE_PASSWORD and its file in GOVSHARE_SEALS_KEYSTORE");
    }

    @Bean
    TimeStamping timeStamping(SealProperties properties, SealCertificates certificates, CertificateStore store, Clock clock) {
        if (properties.tsa().url() != null) {
            log.info("Timestamps come from the outside authority {}", properties.tsa().url());
            return new OutsideTimeStampAuthority(properties.tsa().url());
        }
        return new PlatformTimeStampAuthority(certificates, properties.tsa().policy(), store, clock);
    }

    @Bean
    SealCertificates.OutsideTrust outsideTrust(SealProperties properties) {
        if (properties.tsa().trustedCertificates() == null) {
            return SealCertificates.OutsideTrust.none();
        }
        try (InputStream in = Files.newInputStream(properties.tsa().trustedCertificates())) {
            return new SealCertificates.OutsideTrust(CertificateFactory.getInstance("X.509", BouncyCastle.provider())
                    .generateCertificates(in).stream().map(X509Certificate.class::cast).toList());
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("govshare.seals.tsa.trusted-certificates (" + properties.tsa().trustedCertificates()
                    + ") cannot be read as PEM certificates", e);
        }
    }

    private static void requireFile(SealProperties.KeyStore settings) {
        if (settings.file() == null) {
            throw new IllegalStateException("govshare.seals.key-store.file is not set: name the PKCS#12 file that keeps"
                    + " the seal keys (GOVSHARE_SEALS_KEYSTORE)");
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
