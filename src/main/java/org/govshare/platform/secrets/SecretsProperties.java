package org.govshare.platform.secrets;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that encrypts secrets kept at rest (a provider service's password or token). Exactly one source is used,
 * in this order: {@code key}, then {@code keyFile}, then a key made for this run only.
 *
 * @param key the AES-256 key, base64 of 32 random bytes ({@code openssl rand -base64 32}); in production from
 *            {@code GOVSHARE_SECRETS_KEY}
 * @param previousKeys keys used before the current one, still read (never written) so that a rotation does not
 *                     lose the secrets sealed under them
 * @param keyFile when no key is given: the file the key is read from, generated into it at first start (the local run
 *                keeps it under {@code data/}, beside the database whose secrets it opens)
 * @param generatePerRun when neither is given: make a throwaway key for this run (tests only; what it seals cannot be
 *                       read after a restart)
 */
@ConfigurationProperties("govshare.secrets")
public record SecretsProperties(String key, @DefaultValue List<String> previousKeys, Path keyFile,
                                @DefaultValue("false") boolean generatePerRun) {

    @Override
    public String toString() {
        return "SecretsProperties[keys hidden, keyFile=" + keyFile + ", generatePerRun=" + generatePerRun + "]";
    }
}
