package org.govshare.platform.secrets;

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
            key = KeptSecret.in(properties.keyFile(), () -> SecretBox.newKey(random), "the secrets key");
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
