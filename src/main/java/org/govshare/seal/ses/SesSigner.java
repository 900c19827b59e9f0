package org.govshare.seal.ses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.govshare.seal.SealAlgorithm;
import org.govshare.seal.SealingKey;
import org.govshare.seal.TimeStamping;

/**
 * Signs a document with a seal, GB/T 38540 version 4: the document's digest and the whole seal go into
 * {@code TBS_Sign}, the signer signs its DER, and the time-stamping authority stamps the signature value. Pure but for
 * the authority it is given, so that a test can sign with keys and seals the platform never issued.
 */
final class SesSigner {

    private SesSigner() {
    }

    /**
     * @param propertyInfo what the document is, in ASCII (the standard's IA5String)
     * @param at the time the signer states; the stamp vouches for the time that counts
     */
    static SesSignature sign(byte[] document, String propertyInfo, SESeal seal, SealingKey signer, Instant at,
                             TimeStamping timeStamping) {
        SealAlgorithm algorithm = signer.algorithm();
        TbsSign toSign = new TbsSign(seal, at, algorithm.digest(document), propertyInfo);
        byte[] value = Signatures.sign(toSign.der(), signer);
        SesSignature signature = new SesSignature(toSign, SealMaker.der(signer.certificate()), Signatures.oid(algorithm), value);
        try {
            return signature.withTimeStamp(timeStamping.stamp(algorithm.digest(value), algorithm.digestOid()).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("a timestamp token that cannot be encoded", e);
        }
    }
}
