package org.govshare.seal.ses;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.govshare.seal.BouncyCastle;
import org.govshare.seal.SealAlgorithm;
import org.govshare.seal.SealingKey;

/**
 * Plain signatures over DER, as GB/T 38540 makes them: the seal maker's over {@code SES_SealInfo}, the signer's over
 * {@code TBS_Sign}. SM2 signs with the standard's default user id, as Bouncy Castle does when given none.
 */
final class Signatures {

    private Signatures() {
    }

    /** The signature algorithm's OBJECT IDENTIFIER, as {@code signAlgID} and {@code signatureAlgID} carry it. */
    static ASN1ObjectIdentifier oid(SealAlgorithm algorithm) {
        return new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm.signatureAlgorithm()).getAlgorithm();
    }

    static byte[] sign(byte[] data, SealingKey key) {
        try {
            Signature signature = Signature.getInstance(key.algorithm().signatureAlgorithm(), BouncyCastle.provider());
            signature.initSign(key.privateKey());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key " + key + " cannot sign: " + e.getMessage(), e);
        }
    }

    /** Whether the signature holds for the certificate's key; false too when it cannot be checked at all. */
    static boolean hold(byte[] data, byte[] value, X509Certificate certificate, SealAlgorithm algorithm) {
        try {
            Signature signature = Signature.getInstance(algorithm.signatureAlgorithm(), BouncyCastle.provider());
            signature.initVerify(certificate.getPublicKey());
            signature.update(data);
            return signature.verify(value);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
