package org.govshare.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client ids and secrets of registered systems: how they are made, how a secret is kept, how one is checked.
 *
 * <p>Only a SHA-256 hash of a secret is stored. That is enough here, unlike for a person's password: a secret is
 * 32 bytes from {@link SecureRandom}, 256 bits no one chose, so even with the hash in hand there is nothing to
 * guess faster than the whole space. Slow password hashes (bcrypt, Argon2) exist to stretch low-entropy human
 * choices; here they would only add tens of milliseconds to every machine-to-machine call.
 */
final class ClientCredentials {

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 12;
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** {@code sys-} and 12 random lower-case letters and digits (about 62 bits: unique, and safe in a URL). */
    String newClientId() {
        StringBuilder id = new StringBuilder(SystemCaller.CLIENT_ID_PREFIX);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /** A new secret: 32 random bytes, base64url without padding (43 characters, safe in an HTTP Basic header). */
    String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a secret: its SHA-256, 64 hex digits. */
    static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /**
     * Whether a presented secret is the one whose hash is stored. The digests are compared in constant time, so
     * the time an answer takes tells a caller nothing about how much of a guess was right.
     */
    static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), expected);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
