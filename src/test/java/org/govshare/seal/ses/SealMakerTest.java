package org.govshare.seal.ses;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.govshare.seal.SealAlgorithm;
import org.govshare.seal.SealPicture;
import org.govshare.seal.SealingKey;
import org.govshare.seal.ThrowawayAuthority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A department's seal object as the maker makes it: the picture, the listed certificate, the maker's signature. */
class SealMakerTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant END = Instant.parse("2029-12-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void aSealCarriesItsPictureAndCertificateAndItsMakersSignatureHolds(SealAlgorithm algorithm) throws Exception {
        ThrowawayAuthority authority = ThrowawayAuthority.authority(algorithm);
        SealingKey department = authority.sealingKey("public-security");
        SealingKey maker = authority.sealingKey("platform");

        SESeal seal = SESeal.getInstance(SealMaker.make("GS00000042", "郑州市公安局电子印章", List.of(department.certificate()),
                SealPicture.png("郑州市公安局"), START, START, END, maker).der());

        SealInfo info = seal.sealInfo();
        assertThat(info.header().vid()).isEqualTo(SealMaker.VID);
        assertThat(info.esId()).isEqualTo("GS00000042");
        assertThat(info.property().name()).isEqualTo("郑州市公安局电子印章");
        assertThat(info.property().certificates()).containsExactly(department.certificate().getEncoded());
        assertThat(info.property().validStart()).isEqualTo(START);
        assertThat(info.property().validEnd()).isEqualTo(END);
        assertThat(info.picture().type()).isEqualTo("PNG");
        assertThat(info.picture().width()).isEqualTo(42);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(info.picture().data()));
        assertThat(picture.getWidth()).isEqualTo(SealPicture.SIZE);
        assertThat(seal.makerCertificate()).isEqualTo(maker.certificate().getEncoded());
        assertThat(seal.signAlgId()).isEqualTo(Signatures.oid(algorithm));
        assertThat(Signatures.hold(seal.signedBytes(), seal.signedValue(), maker.certificate(), algorithm)).isTrue();
        assertThat(Signatures.hold(seal.signedBytes(), seal.signedValue(), department.certificate(), algorithm)).isFalse();
    }
}
