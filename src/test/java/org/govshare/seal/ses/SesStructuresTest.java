package org.govshare.seal.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** The GB/T 38540 structures read back what they wrote, byte for byte, and refuse what does not fit them. */
class SesStructuresTest {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final Instant MADE = Instant.parse("2026-12-03T08:15:30Z");
    private static final byte[] DEPARTMENT_CERT = {0x30, 0x03, 0x02, 0x01, 0x01};
    private static final byte[] MAKER_CERT = {0x30, 0x03, 0x02, 0x01, 0x02};
    private static final byte[] PICTURE = {(byte) 0x89, 'P', 'N', 'G'};

    private static SealInfo sealInfo() {
        PropertyInfo property = new PropertyInfo("市数据局电子印章", List.of(DEPARTMENT_CERT), MADE, MADE,
                Instant.parse("2029-12-03T08:15:30Z"));
        return new SealInfo(new SealHeader("GovShare"), "GS00000001", property, new PictureInfo(PictureInfo.PNG, PICTURE, 42, 42));
    }

    private static SESeal seal(byte[] signedValue) {
        return new SESeal(sealInfo(), MAKER_CERT, GMObjectIdentifiers.sm2sign_with_sm3, signedValue);
    }

    @Test
    void aSealReadsBackAsItWasWritten() {
        SESeal seal = seal(new byte[] {1, 2, 3});

        SESeal read = SESeal.getInstance(seal.der());

        assertThat(read.der()).isEqualTo(seal.der());
        assertThat(read).isEqualTo(seal);
        SealInfo info = read.sealInfo();
        assertThat(info.header().id()).isEqualTo("ES");
        assertThat(info.header().version()).isEqualTo(4);
        assertThat(info.header().vid()).isEqualTo("GovShare");
        assertThat(info.esId()).isEqualTo("GS00000001");
        assertThat(info.property().type()).isEqualTo(PropertyInfo.ORGANISATION_SEAL);
        assertThat(info.property().name()).isEqualTo("市数据局电子印章");
        assertThat(info.property().certListType()).isEqualTo(PropertyInfo.CERTIFICATES);
        assertThat(info.property().certificates()).containsExactly(DEPARTMENT_CERT);
        assertThat(info.property().createDate()).isEqualTo(MADE);
        assertThat(info.property().validEnd()).isEqualTo(Instant.parse("2029-12-03T08:15:30Z"));
        assertThat(info.picture().type()).isEqualTo("PNG");
        assertThat(info.picture().data()).isEqualTo(PICTURE);
        assertThat(info.picture().width()).isEqualTo(42);
        assertThat(info.extDatas()).isEmpty();
        assertThat(read.makerCertificate()).isEqualTo(MAKER_CERT);
        assertThat(read.signAlgId()).isEqualTo(GMObjectIdentifiers.sm2sign_with_sm3);
        assertThat(read.signedValue()).containsExactly(1, 2, 3);
    }

    @Test
    void aSignatureReadsBackWithAndWithoutItsTimeStamp() {
        TbsSign toSign = new TbsSign(seal(new byte[] {9}), MADE.plusSeconds(60), new byte[32], "kind=DATA_EXTRACT");
        SesSignature bare = new SesSignature(toSign, DEPARTMENT_CERT, GMObjectIdentifiers.sm2sign_with_sm3, new byte[] {7, 7});
        SesSignature stamped = bare.withTimeStamp(new byte[] {0x30, 0x00});

        SesSignature readBare = SesSignature.getInstance(bare.der());
        SesSignature readStamped = SesSignature.getInstance(stamped.der());

        assertThat(readBare.der()).isEqualTo(bare.der());
        assertThat(readBare.timeStamp()).isEmpty();
        assertThat(readStamped.der()).isEqualTo(stamped.der());
        assertThat(readStamped.timeStamp()).hasValueSatisfying(t -> assertThat(t).containsExactly(0x30, 0x00));
        assertThat(readStamped.toSign().version()).isEqualTo(4);
        assertThat(readStamped.toSign().timeInfo()).isEqualTo(MADE.plusSeconds(60));
        assertThat(readStamped.toSign().dataHash()).hasSize(32);
        assertThat(readStamped.toSign().propertyInfo()).isEqualTo("kind=DATA_EXTRACT");
        assertThat(readStamped.toSign().eseal()).isEqualTo(toSign.eseal());
        assertThat(readStamped.signerCertificate()).isEqualTo(DEPARTMENT_CERT);
        assertThat(readStamped.signature()).containsExactly(7, 7);
        // the stamp is the fifth element, context tag [0], explicit: A0 wrapping a BIT STRING
        ASN1TaggedObject tagged = (ASN1TaggedObject) ASN1Sequence.getInstance(stamped.der()).getObjectAt(4);
        assertThat(tagged.getTagNo()).isZero();
        assertThat(tagged.isExplicit()).isTrue();
        assertThat(stamped.der()).containsSequence(0xA0, 0x05, 0x03, 0x03, 0x00, 0x30, 0x00);
    }

    @Test
    void timesAreKeptToTheSecond() {
        TbsSign toSign = new TbsSign(seal(new byte[] {9}), MADE.plusMillis(1_750), new byte[32], "x");

        assertThat(TbsSign.getInstance(toSign.der()).timeInfo()).isEqualTo(MADE.plusSeconds(1));
    }

    @Test
    void theMakersSignatureChecksAgainstTheSealReadBack() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair maker = generator.generateKeyPair();
        Signature signer = Signature.getInstance("SM3withSM2", BC);
        signer.initSign(maker.getPrivate());
        signer.update(sealInfo().getEncoded("DER"));
        SESeal seal = seal(signer.sign());

        SESeal read = SESeal.getInstance(seal.der());
        Signature verifier = Signature.getInstance("SM3withSM2", BC);
        verifier.initVerify(maker.getPublic());
        verifier.update(read.signedBytes());

        assertThat(verifier.verify(read.signedValue())).isTrue();
    }

    @Test
    void whatIsNotASealIsRefused() {
        byte[] der = seal(new byte[] {1}).der();
        byte[] trailing = Arrays.copyOf(der, der.length + 1);

        assertThatThrownBy(() -> SESeal.getInstance(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SESeal.getInstance(Arrays.copyOf(der, der.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SESeal.getInstance(trailing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SESeal.getInstance(new DERSequence(new DEROctetString(der)).getEncoded()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESeal has 1 elements");
        // a seal is not a signature
        assertThatThrownBy(() -> SesSignature.getInstance(der)).isInstanceOf(IllegalArgumentException.class);
    }
}
