package org.govshare.seal.ses;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.govshare.seal.SealingKey;

/**
 * Makes a GB/T 38540 seal object: what the seal is, its picture and who may sign with it, signed by the seal maker.
 * Pure, so that a test can make one with keys the platform never issued.
 */
final class SealMaker {

    /** The software that made the seal, in every header. */
    static final String VID = "GovShare";
    /** A department's round seal on paper is 42 mm across; the picture is shown the same size. */
    static final int PICTURE_MILLIMETRES = 42;

    private SealMaker() {
    }

    /**
     * @param signers the certificates that may sign with the seal (the department's seal certificate)
     * @param picturePng the seal's picture
     */
    static SESeal make(String esId, String name, List<X509Certificate> signers, byte[] picturePng, Instant createdAt,
                       Instant validStart, Instant validEnd, SealingKey maker) {
        SealInfo info = new SealInfo(new SealHeader(VID), esId,
                new PropertyInfo(name, signers.stream().map(SealMaker::der).toList(), createdAt, validStart, validEnd),
                new PictureInfo(PictureInfo.PNG, picturePng, PICTURE_MILLIMETRES, PICTURE_MILLIMETRES));
        return new SESeal(info, der(maker.certificate()), Signatures.oid(maker.algorithm()),
                Signatures.sign(Asn1.der(info), maker));
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate " + certificate.getSerialNumber() + " has no DER", e);
        }
    }
}
