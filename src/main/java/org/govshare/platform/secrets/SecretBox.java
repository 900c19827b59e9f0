package org.govshare.platform.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets the platform must keep readable (unlike a registered system's secret, which only needs a hash,
 * a provider's password has to be sent to the provider): AES-256-GCM with a fresh random 12-byte IV per value.
 *
 * <p>A sealed value reads {@code v1.<key id>.<base64 of IV ‖ ciphertext ‖ 16-byte tag>}. The key id (the first 8 hex
 * digits of the key's SHA-256) says which key sealed it, so that after a rotation values sealed under a previous key
 * still open. The caller's context (e.g. the resource code) is bound in as associated data: a sealed value copied
 * to another row does not open there.
 */
public final class SecretBox {

    static final int KEY_BYTES = 32;
    private static final String FORMAT = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    /** @param current the key that seals; @param previous keys that still open what they sealed */
    public SecretBox(byte[] current, List<byte[]> previous) {
        this.currentId = add(current);
        previous.forEach(this::add);
    }

    private String add(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length
                    + "; make one with: openssl rand -base64 32");
        }
        String id = keyId(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    /** The id of the key that seals, for logs and docs; says nothing about the key itself. */
    public String currentKeyId() {
        return currentId;
    }

    public String seal(String secret, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(currentId), iv, context, secret.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
        return FORMAT + "." + currentId + "." + Base64.getEncoder().encodeToString(out.array());
    }

    /**
     * @throws SecretUnreadableException when the value was sealed under a key the platform no longer has, or was
     *                                   altered, or belongs to another context
     */
    public String open(String sealed, String context) {
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new SecretUnreadableException("a stored secret is not in the sealed format " + FORMAT);
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new SecretUnreadableException("a stored secret was sealed under key " + parts[1]
                    + ", which is neither govshare.secrets.key nor one of govshare.secrets.previous-keys");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException("a stored secret is not valid base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretUnreadableException("a stored secret is too short to be sealed");
        }
        byte[] iv = java.util.Arrays.copyOfRange(bytes, 0, IV_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(bytes, IV_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, iv, context, body), StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretUnreadableException("a stored secret does not open: altered, or sealed for another record");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides AES/GCM/NoPadding", e);
        }
    }

    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** A new random key, base64, as {@code govshare.secrets.key} takes it. */
    static String newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A sealed value that cannot be opened; the message names the cause, never the value. */
    public static class SecretUnreadableException extends RuntimeException {
        public SecretUnreadableException(String message) {
            super(message);
        }
    }
}
