package org.govshare.seal;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cms.SignerInformation;

/**
 * The ESS signing-certificate-v2 attribute (RFC 5035) a CAdES signature signs: the hash, issuer and serial of the
 * signer's certificate, so that the signature cannot be passed off as another certificate's with the same key.
 */
final class SigningCertificate {

    private SigningCertificate() {
    }

    /** The attribute naming this certificate, hashed with the algorithm's digest. */
    static Attribute attribute(X509Certificate certificate, SealAlgorithm algorithm) throws Exception {
        IssuerSerial issuer = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber());
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(algorithm.digestOid()),
                algorithm.digest(certificate.getEncoded()), issuer);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }

    /** Whether the signer's signing-certificate-v2 attribute, when it has one, names this certificate by its hash. */
    static boolean names(SignerInformation signer, X509Certificate certificate) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return true;
        }
        try {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            byte[] hash = MessageDigest.getInstance(id.getHashAlgorithm().getAlgorithm().getId(), BouncyCastle.PROVIDER)
                    .digest(certificate.getEncoded());
            return Arrays.equals(hash, id.getCertHash());
        } catch (Exception e) {
            return false;
        }
    }
}
