package org.govshare.seal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

/**
 * The two signature algorithms a seal may use: the national SM2 with SM3 (GB/T 32918, 32905), which GB/T 38540
 * builds on, and ECDSA on P-256 with SHA-256, which common PDF readers and openssl check. Which one seals what is a
 * setting ({@link SealProperties.Algorithms}).
 */
public enum SealAlgorithm {
    SM2("SM3withSM2", "sm2p256v1", "SM3", GMObjectIdentifiers.sm3),
    ECDSA("SHA256withECDSA", "secp256r1", "SHA-256", NISTObjectIdentifiers.id_sha256);

    private final String signatureAlgorithm;
    private final String curve;
    private final String digestAlgorithm;
    private final ASN1ObjectIdentifier digestOid;

    SealAlgorithm(String signatureAlgorithm, String curve, String digestAlgorithm, ASN1ObjectIdentifier digestOid) {
        this.signatureAlgorithm = signatureAlgorithm;
        this.curve = curve;
        this.digestAlgorithm = digestAlgorithm;
        this.digestOid = digestOid;
    }

    /** The JCA name of the signature, e.g. {@code SM3withSM2}. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The JCA name of the digest the signature hashes with. */
    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    public ASN1ObjectIdentifier digestOid() {
        return digestOid;
    }

    public byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(digestAlgorithm, BouncyCastle.PROVIDER).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digestAlgorithm + " is part of Bouncy Castle", e);
        }
    }

    public KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the curve " + curve + " is part of Bouncy Castle", e);
        }
    }

    /** The algorithm of a key or certificate's signature, by its JCA or OID name; empty when neither. */
    public static java.util.Optional<SealAlgorithm> ofSignature(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        if (n.contains("SM2") || n.equals(GMObjectIdentifiers.sm2sign_with_sm3.getId())) {
            return java.util.Optional.of(SM2);
        }
        if (n.contains("ECDSA") || n.equals("1.2.840.10045.4.3.2")) {
            return java.util.Optional.of(ECDSA);
        }
        return java.util.Optional.empty();
    }
}
