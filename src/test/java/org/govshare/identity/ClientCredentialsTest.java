package org.govshare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Secrets are random, kept only as a hash, and checked against it. */
class ClientCredentialsTest {

    private final ClientCredentials credentials = new ClientCredentials();

    @Test
    void aSecretIs32RandomBytesInBase64UrlAndNeverRepeats() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = credentials.newSecret();
            assertThat(secret).matches("[A-Za-z0-9_-]{43}");
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(100);
    }

    @Test
    void aClientIdIsSysAnd12LowerCaseLettersOrDigits() {
        String clientId = credentials.newClientId();

        assertThat(clientId).matches("sys-[a-z0-9]{12}");
        assertThat(SystemCaller.isClientId(clientId)).isTrue();
        assertThat(SystemCaller.isClientId("gaj.zhang")).isFalse();
    }

    @Test
    void theStoredHashIsTheSha256OfTheSecretNotTheSecret() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertThat(ClientCredentials.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void onlyTheSecretItselfMatchesItsHash() {
        String secret = credentials.newSecret();
        String stored = ClientCredentials.hash(secret);

        assertThat(ClientCredentials.matches(secret, stored)).isTrue();
        assertThat(ClientCredentials.matches(credentials.newSecret(), stored)).isFalse();
        assertThat(ClientCredentials.matches(secret.substring(1), stored)).isFalse();
        assertThat(ClientCredentials.matches(stored, stored)).as("the hash is not a password").isFalse();
        assertThat(ClientCredentials.matches(null, stored)).isFalse();
        assertThat(ClientCredentials.matches(secret, null)).isFalse();
        assertThat(ClientCredentials.matches(secret, "not hex")).isFalse();
    }
}
