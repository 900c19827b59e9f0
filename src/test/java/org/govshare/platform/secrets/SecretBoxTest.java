package org.govshare.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing: a round trip, fresh IVs, and values that must not open. */
class SecretBoxTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static byte[] newKey() {
        return Base64.getDecoder().decode(SecretBox.newKey(RANDOM));
    }

    @Test
    void aSealedSecretOpensToItselfAndDoesNotShowIt() {
        SecretBox box = new SecretBox(newKey(), List.of());

        String sealed = box.seal("s3cret-密码", "101001/101301");

        assertThat(sealed).startsWith("v1." + box.currentKeyId() + ".").doesNotContain("s3cret");
        assertThat(box.open(sealed, "101001/101301")).isEqualTo("s3cret-密码");
    }

    @Test
    void theSameSecretSealsDifferentlyEachTimeWithAFreshIv() {
        SecretBox box = new SecretBox(newKey(), List.of());

        String first = box.seal("same", "ctx");
        String second = box.seal("same", "ctx");

        assertThat(first).isNotEqualTo(second);
        byte[] firstIv = java.util.Arrays.copyOf(Base64.getDecoder().decode(first.split("\\.")[2]), 12);
        byte[] secondIv = java.util.Arrays.copyOf(Base64.getDecoder().decode(second.split("\\.")[2]), 12);
        assertThat(firstIv).isNotEqualTo(secondIv);
    }

    @Test
    void aWrongKeyDoesNotOpenIt() {
        String sealed = new SecretBox(newKey(), List.of()).seal("password", "ctx");
        SecretBox other = new SecretBox(newKey(), List.of());

        assertThatThrownBy(() -> other.open(sealed, "ctx")).isInstanceOf(SecretBox.SecretUnreadableException.class)
                .hasMessageContaining("sealed under key").hasMessageNotContaining("password");
    }

    @Test
    void aKeyWithTheSameIdButOtherBytesDoesNotOpenIt() {
        byte[] key = newKey();
        String sealed = new SecretBox(key, List.of()).seal("password", "ctx");
        String forged = sealed.replaceFirst("^v1\\.[0-9a-f]{8}\\.", "v1." + SecretBox.keyId(newKey()) + ".");

        assertThatThrownBy(() -> new SecretBox(key, List.of()).open(forged, "ctx"))
                .isInstanceOf(SecretBox.SecretUnreadableException.class);
    }

    @Test
    void anAlteredValueOrAnotherContextDoesNotOpen() {
        SecretBox box = new SecretBox(newKey(), List.of());
        String sealed = box.seal("password", "101001/101301");
        byte[] bytes = Base64.getDecoder().decode(sealed.split("\\.")[2]);
        bytes[bytes.length - 1] ^= 1;
        String altered = sealed.substring(0, sealed.lastIndexOf('.') + 1) + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(altered, "101001/101301")).isInstanceOf(SecretBox.SecretUnreadableException.class);
        assertThatThrownBy(() -> box.open(sealed, "101001/101302")).isInstanceOf(SecretBox.SecretUnreadableException.class);
    }

    @Test
    void afterARotationThePreviousKeyStillOpensWhatItSealedAndTheNewOneSeals() {
        byte[] old = newKey();
        String sealedBefore = new SecretBox(old, List.of()).seal("password", "ctx");
        SecretBox rotated = new SecretBox(newKey(), List.of(old));

        assertThat(rotated.open(sealedBefore, "ctx")).isEqualTo("password");
        assertThat(rotated.seal("password", "ctx")).startsWith("v1." + rotated.currentKeyId() + ".")
                .doesNotStartWith("v1." + SecretBox.keyId(old));
    }

    @Test
    void aKeyOfAnotherLengthIsRefused() {
        assertThatThrownBy(() -> new SecretBox(new byte[16], List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
