package org.govshare.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.govshare.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Detached CMS seals with each algorithm: they verify, and one changed byte is caught. */
class CmsSealIT extends IntegrationTest {

    private static final byte[] EXTRACT = "{\"姓名\":\"张*\",\"grant\":\"GR-1\"}".getBytes(StandardCharsets.UTF_8);

    @Autowired
    Sealing sealing;

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void aCmsSealVerifiesAndNamesItsDepartmentTimeAndRecord(SealAlgorithm algorithm) {
        Sealing.Sealed sealed = sealing.seal(EXTRACT, SealFormat.CMS,
                new SealRequest(DocumentKind.DATA_EXTRACT, "public-security", "grant:GR-CMS", "extract"), algorithm);

        SealVerdict verdict = sealing.verify(EXTRACT, sealed.seal());

        assertThat(verdict.valid()).as(verdict.message()).isTrue();
        assertThat(verdict.format()).isEqualTo(SealFormat.CMS);
        assertThat(verdict.algorithm()).isEqualTo(algorithm);
        assertThat(verdict.department()).isEqualTo("public-security");
        assertThat(verdict.timestampedAt()).isNotNull();
        assertThat(verdict.signedAt()).isNotNull();
        assertThat(verdict.certificateStatus()).isEqualTo("VALID");
        assertThat(verdict.registerId()).isEqualTo(sealed.registerId());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'SEAL_MADE' and object_id = ?",
                Integer.class, sealed.registerId())).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void oneChangedByteIsContentChanged(SealAlgorithm algorithm) {
        Sealing.Sealed sealed = sealing.seal(EXTRACT, SealFormat.CMS,
                new SealRequest(DocumentKind.DATA_EXTRACT, "public-security", "grant:GR-CMS", "extract"), algorithm);
        byte[] changed = EXTRACT.clone();
        changed[3] ^= 1;

        SealVerdict verdict = sealing.verify(changed, sealed.seal());

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).isEqualTo(InvalidReason.CONTENT_CHANGED);
    }
}
