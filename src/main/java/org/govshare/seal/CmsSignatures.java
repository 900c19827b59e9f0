package org.govshare.seal;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The CMS SignedData both CMS-based formats make and check: the detached CMS seal over data and the CAdES signature
 * inside a PDF (PAdES). What differs between them is which signed attributes they carry, which certificates travel
 * inside, and where the signer's claimed time is kept.
 */
final class CmsSignatures {

    private CmsSignatures() {
    }

    /** A detached SignedData over the bytes, one signer with the key, the given certificates carried inside. */
    static CMSSignedData sign(byte[] content, SealingKey key, CMSAttributeTableGenerator signedAttributes,
                              List<X509Certificate> carried) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                .setSignedAttributeGenerator(signedAttributes)
                .build(new JcaContentSignerBuilder(key.algorithm().signatureAlgorithm())
                        .setProvider(BouncyCastle.PROVIDER).build(key.privateKey()), key.certificate()));
        generator.addCertificates(new JcaCertStore(carried));
        return generator.generate(new CMSProcessableByteArray(content), false);
    }

    /**
     * Checks the signer of a detached SignedData over the bytes it signed: its certificate travels inside, its
     * signature holds over them (else CONTENT_CHANGED when their digest differs, UNKNOWN_SIGNER otherwise), a
     * signing-certificate-v2 attribute, when signed, names that certificate; then the timestamp and the certificate.
     *
     * @param cms the SignedData's DER, followed by nothing or by padding (a PDF pads it with zeros to the room kept)
     * @param claimedTime where the format keeps the time the signer claims
     */
    static SealVerdict verify(SealFormat format, byte[] content, byte[] cms,
                              Function<SignerInformation, Instant> claimedTime, TrustMaterial trust) {
        SignerInformation signer;
        X509Certificate certificate;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), firstObject(cms));
            signer = signed.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return SealVerdict.invalid(format, InvalidReason.UNKNOWN_SIGNER, "the seal does not carry its signer's certificate");
            }
            certificate = TrustMaterial.certificate(matches.iterator().next());
        } catch (Exception e) {
            return SealVerdict.invalid(format, InvalidReason.MALFORMED, "not a CMS seal: " + e.getMessage());
        }
        SealAlgorithm algorithm = SealAlgorithm.ofSignature(certificate.getSigAlgName()).orElse(null);
        String serial = certificate.getSerialNumber().toString(16);
        SealVerdict found = new SealVerdict(true, null, "the seal holds", format, algorithm,
                TrustMaterial.departmentOf(certificate), serial, claimedTime.apply(signer), null, serial, null, null);
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(certificate))) {
                return found.refuse(InvalidReason.UNKNOWN_SIGNER, "the signature does not hold for the certificate it names");
            }
        } catch (CMSSignerDigestMismatchException e) {
            return found.refuse(InvalidReason.CONTENT_CHANGED, "the document is not the one sealed: its digest differs");
        } catch (Exception e) {
            return found.refuse(InvalidReason.UNKNOWN_SIGNER, "the signature cannot be checked: " + e.getMessage());
        }
        if (!SigningCertificate.names(signer, certificate)) {
            return found.refuse(InvalidReason.UNKNOWN_SIGNER,
                    "the signed signing-certificate-v2 attribute names another certificate than the one that signed");
        }
        return Verdicts.checkSigner(found, certificate, CmsSealHandler.timestampOf(signer), signer.getSignature(), trust);
    }

    private static ContentInfo firstObject(byte[] cms) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(cms)) {
            return ContentInfo.getInstance(in.readObject());
        }
    }
}
