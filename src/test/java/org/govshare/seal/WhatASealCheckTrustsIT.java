package org.govshare.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a check trusts is what the platform holds keys for, not what a seal or a row claims: a root written into the
 * database by whoever can write it, and the platform's own time-stamping key, do not make a valid seal.
 */
class WhatASealCheckTrustsIT extends IntegrationTest {

    private static final byte[] EXTRACT = "{\"rows\":[]}".getBytes(StandardCharsets.UTF_8);

    @Autowired
    Sealing sealing;

    @Autowired
    SealCertificates certificates;

    @Autowired
    CertificateStore store;

    @Autowired
    CmsSealHandler cms;

    @Test
    void aRootAddedToTheDatabaseAloneIsNotTrusted() {
        SealAlgorithm algorithm = SealAlgorithm.ECDSA;
        KeyPair rootKeys = algorithm.newKeyPair();
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        X509Certificate forgedRoot = CertificateMaker.selfSignedRoot(
                CertificateMaker.name("GovShare", SealCertificates.PLATFORM, "GovShare 根证书 (ECDSA)"), rootKeys, algorithm,
                from, from.plus(365, ChronoUnit.DAYS));
        KeyPair signerKeys = algorithm.newKeyPair();
        X509Certificate signer = CertificateMaker.issue(forgedRoot, rootKeys.getPrivate(),
                CertificateMaker.name("GovShare", certificates.authorityDepartment(), "forged authority"), signerKeys,
                algorithm, from, from.plus(30, ChronoUnit.DAYS), false);
        String serial = SealCertificates.serial(forgedRoot);
        store.add(new IssuedCertificate(serial, "forged-root", SealCertificates.PLATFORM, CertificatePurpose.ROOT,
                algorithm, forgedRoot.getSubjectX500Principal().getName(), forgedRoot, from, "VALID", null, null, null));
        try {
            byte[] seal = cms.seal(EXTRACT, request(), new SealingKey(certificates.authorityDepartment(), algorithm,
                    signerKeys.getPrivate(), signer, List.of(signer, forgedRoot)));

            SealVerdict verdict = sealing.verify(EXTRACT, seal);

            assertThat(verdict.valid()).isFalse();
            assertThat(verdict.reason()).isEqualTo(InvalidReason.UNKNOWN_SIGNER);
        } finally {
            jdbc.update("delete from seal_certificate where serial = ?", serial);
        }
    }

    @Test
    void theTimeStampingKeyDoesNotSealDocuments() {
        byte[] seal = cms.seal(EXTRACT, request(), certificates.timeStampAuthority());

        SealVerdict verdict = sealing.verify(EXTRACT, seal);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).isEqualTo(InvalidReason.UNKNOWN_SIGNER);
        assertThat(verdict.message()).contains("time-stamping");
    }

    @Test
    void aSealThatTripsAParserIsMalformedNotAnError() {
        SealFormatHandler tripping = new SealFormatHandler() {
            @Override
            public SealFormat format() {
                return SealFormat.SES;
            }

            @Override
            public byte[] seal(byte[] document, SealRequest request, SealingKey key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean recognises(byte[] sealOrSealedFile) {
                throw new ArithmeticException("BigInteger out of int range");
            }

            @Override
            public SealVerdict verify(byte[] document, byte[] seal, TrustMaterial trust) {
                throw new ArithmeticException("BigInteger out of int range");
            }
        };

        assertThat(Sealing.recognises(tripping, new byte[] {0x30, 0x00})).isFalse();
        SealVerdict verdict = Sealing.checked(tripping, EXTRACT, new byte[] {0x30, 0x00}, certificates.trust());
        assertThat(verdict.reason()).isEqualTo(InvalidReason.MALFORMED);
        assertThat(verdict.message()).doesNotContain("at org.");
    }

    private static SealRequest request() {
        return new SealRequest(DocumentKind.DATA_EXTRACT, "public-security", "grant:GR-TRUST", "extract");
    }
}
