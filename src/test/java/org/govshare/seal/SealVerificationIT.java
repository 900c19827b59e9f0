package org.govshare.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.govshare.platform.pdf.DocumentFont;
import org.govshare.platform.pdf.PdfPages;
import org.govshare.support.Api;
import org.govshare.support.Eventually;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /api/seals/verify} as anyone handed a sealed document uses it, without a login: a CMS seal that holds,
 * and each reason a seal does not, each made to happen (SES and PAdES have their own tests): one changed byte, an
 * expired certificate, a signer from another CA, a timestamp over other bytes or from another authority, garbage; and
 * a sealed PDF alone, as it holds and with one byte changed.
 * A seal made after its certificate's revocation is {@code SealCertificatesIT}'s.
 */
class SealVerificationIT extends IntegrationTest {

    static final byte[] EXTRACT = "{\"统一社会信用代码\":\"91410100MA44XXXX0X\",\"grant\":\"GR-VERIFY\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String DEPARTMENT = "public-security";

    @Autowired
    Sealing sealing;

    @Autowired
    CmsSealHandler cms;

    @Autowired
    TimeStamping timeStamping;

    @Autowired
    SealCertificates certificates;

    @Autowired
    KeyVault vault;

    @Autowired
    DocumentFont font;

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void aCmsSealHoldsForAnyoneWithItsDepartmentTimeCertificateAndRecord(SealAlgorithm algorithm) {
        Sealing.Sealed sealed = sealing.seal(EXTRACT, SealFormat.CMS, new SealRequest(DocumentKind.DATA_EXTRACT,
                DEPARTMENT, "grant:GR-VERIFY", "户籍信息摘录"), algorithm);

        Api.Response answer = verify(EXTRACT, sealed.seal());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var v = answer.json();
        assertThat(v.path("valid").asBoolean()).as(answer.body()).isTrue();
        assertThat(v.path("reason").isNull()).isTrue();
        assertThat(v.path("format").asText()).isEqualTo("CMS");
        assertThat(v.path("algorithm").asText()).isEqualTo(algorithm.name());
        assertThat(v.path("department").asText()).isEqualTo(DEPARTMENT);
        assertThat(v.path("departmentName").asText()).isEqualTo("郑州市公安局");
        assertThat(v.path("certificateStatus").asText()).isEqualTo("VALID");
        assertThat(v.path("certificateSerial").asText()).isEqualTo(certificates.forDepartment(DEPARTMENT, algorithm)
                .certificate().getSerialNumber().toString(16)).isEqualTo(v.path("sealId").asText());
        assertThat(Instant.parse(v.path("timestampedAt").asText())).isCloseTo(Instant.now(), within());
        assertThat(Instant.parse(v.path("signedAt").asText())).isCloseTo(Instant.now(), within());
        assertThat(v.path("record").path("id").asText()).isEqualTo(sealed.registerId());
        assertThat(v.path("record").path("kind").asText()).isEqualTo("DATA_EXTRACT");
        assertThat(v.path("record").path("title").asText()).isEqualTo("户籍信息摘录");
        assertThat(v.path("record").path("subject").asText()).isEqualTo("grant:GR-VERIFY");
        assertThat(v.path("record").hasNonNull("sealedAt")).isTrue();
        assertThat(auditEventsOf(answer.correlationId())).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "SEAL_VERIFIED").containsEntry("actor", "anonymous")
                    .containsEntry("outcome", "OK").containsEntry("object_id", sealed.registerId());
            assertThat((String) e.get("details")).contains("\"valid\":true", "\"format\":\"CMS\"",
                    "\"registerId\":\"" + sealed.registerId() + "\"");
        });
    }

    @Test
    void oneChangedByteIsContentChangedAndNamesNoRecord() {
        Sealing.Sealed sealed = seal(SealAlgorithm.SM2);
        byte[] changed = EXTRACT.clone();
        changed[changed.length - 3] ^= 1;

        Api.Response answer = verify(changed, sealed.seal());

        assertInvalid(answer, InvalidReason.CONTENT_CHANGED);
        assertThat(answer.json().path("record").isNull()).as("the register's record is named only for a seal that holds").isTrue();
        assertThat(auditEventsOf(answer.correlationId())).singleElement().satisfies(e -> assertThat((String) e.get("details"))
                .contains("\"valid\":false", "\"reason\":\"CONTENT_CHANGED\""));
    }

    @Test
    void aCertificateWhoseValidityHadEndedIsOutsideValidity() {
        certificates.root(SealAlgorithm.SM2);
        KeyVault.Entry root = vault.entry("root-sm2").orElseThrow();
        KeyPair keys = SealAlgorithm.SM2.newKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate expired = CertificateMaker.issue(root.chain().get(0), root.privateKey(),
                CertificateMaker.name("GovShare", DEPARTMENT, "郑州市公安局"), keys, SealAlgorithm.SM2,
                now.minus(Duration.ofDays(3 * 365)), now.minus(Duration.ofDays(365)), false);
        byte[] seal = cms.seal(EXTRACT, request(), new SealingKey(DEPARTMENT, SealAlgorithm.SM2, keys.getPrivate(),
                expired, List.of(expired, root.chain().get(0))));

        Api.Response answer = verify(EXTRACT, seal);

        assertInvalid(answer, InvalidReason.OUTSIDE_VALIDITY);
        assertThat(answer.json().path("certificateStatus").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void aSignerFromAnotherCaIsUnknown() {
        ThrowawayAuthority elsewhere = ThrowawayAuthority.authority(SealAlgorithm.ECDSA);
        byte[] seal = cms.seal(EXTRACT, request(), elsewhere.sealingKey(DEPARTMENT));

        Api.Response answer = verify(EXTRACT, seal);

        assertInvalid(answer, InvalidReason.UNKNOWN_SIGNER);
        assertThat(answer.json().path("certificateStatus").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void aTimestampOverOtherBytesIsABadTimestamp() {
        CmsSealHandler stampingOtherBytes = new CmsSealHandler((digest, oid) ->
                timeStamping.stamp(SealAlgorithm.SM2.digest("other bytes".getBytes(StandardCharsets.UTF_8)), oid));
        byte[] seal = stampingOtherBytes.seal(EXTRACT, request(), certificates.forDepartment(DEPARTMENT, SealAlgorithm.SM2));

        Api.Response answer = verify(EXTRACT, seal);

        assertInvalid(answer, InvalidReason.BAD_TIMESTAMP);
        assertThat(answer.json().path("message").asText()).contains("other bytes");
    }

    @Test
    void aTimestampFromAnAuthorityThePlatformDoesNotTrustIsABadTimestamp() {
        ThrowawayAuthority elsewhere = ThrowawayAuthority.authority(SealAlgorithm.ECDSA);
        byte[] seal = new CmsSealHandler(elsewhere.timeStamping())
                .seal(EXTRACT, request(), certificates.forDepartment(DEPARTMENT, SealAlgorithm.ECDSA));

        Api.Response answer = verify(EXTRACT, seal);

        assertInvalid(answer, InvalidReason.BAD_TIMESTAMP);
        assertThat(answer.json().path("message").asText()).contains("does not trust");
    }

    @Test
    void aSealedPdfAloneHoldsAndOneChangedByteInItIsContentChanged() {
        Sealing.Sealed sealed = sealing.seal(onePagePdf(font), SealFormat.PADES, new SealRequest(DocumentKind.DISPUTE_RULING,
                "sharing-authority", "ZY-VERIFY", "争议裁决书"));

        Api.Response holds = api.postParts(null, "/api/seals/verify", Map.of("file", sealed.seal()));
        assertThat(holds.json().path("valid").asBoolean()).as(holds.body()).isTrue();
        assertThat(holds.json().path("format").asText()).isEqualTo("PADES");
        assertThat(holds.json().path("record").path("id").asText()).isEqualTo(sealed.registerId());

        byte[] changed = sealed.seal().clone();
        // the binary comment on the file's second line: the PDF still reads, only its bytes differ
        assertThat(changed[9]).isEqualTo((byte) '%');
        changed[11] ^= 1;
        assertInvalid(api.postParts(null, "/api/seals/verify", Map.of("file", changed)), InvalidReason.CONTENT_CHANGED);
    }

    /** A one-page PDF, as the platform writes its documents. */
    static byte[] onePagePdf(DocumentFont font) {
        try (PdfPages pdf = new PdfPages(font.open(), "验证测试 Verification test", "GovShare · test")) {
            pdf.newPage();
            pdf.line(16, "争议裁决书 A ruling to check", PdfPages.Colours.TEXT);
            return pdf.save();
        }
    }

    @Test
    void garbageIsMalformedAndASealedFileAloneIsCheckedAsOne() {
        Api.Response detached = verify(EXTRACT, "not a seal at all".getBytes(StandardCharsets.UTF_8));
        assertInvalid(detached, InvalidReason.MALFORMED);

        Api.Response alone = api.postParts(null, "/api/seals/verify", Map.of("file", seal(SealAlgorithm.SM2).seal()));
        assertInvalid(alone, InvalidReason.MALFORMED);
        assertThat(alone.json().path("message").asText()).contains("detached");
    }

    @Test
    void missingEmptyConflictingAndOversizePartsAreRefusedNamingTheFieldAndRule() {
        Api.Response none = api.postParts(null, "/api/seals/verify", Map.of("other", new byte[] {1}));
        assertRefusedAndAudited(none, 400, "document", "required");
        assertThat(none.json().path("errors").findValuesAsText("field")).contains("seal");

        assertRefusedAndAudited(api.postParts(null, "/api/seals/verify",
                Map.of("document", EXTRACT, "seal", new byte[0])), 400, "seal", "not-empty");
        assertRefusedAndAudited(api.postParts(null, "/api/seals/verify",
                Map.of("file", EXTRACT, "seal", EXTRACT)), 400, "file", "file-or-document-and-seal");
        assertRefusedAndAudited(api.postParts(null, "/api/seals/verify",
                Map.of("file", new byte[0])), 400, "file", "not-empty");
        assertRefusedAndAudited(api.postParts(null, "/api/seals/verify",
                Map.of("document", new byte[5 * 1024 * 1024 + 1], "seal", EXTRACT)), 413, "document", "max-size");
    }

    @Test
    void aCallerPastTheSealsLimitIsAnswered429UntilTheWindowEnds() {
        Api.Response last = api.send(null, null, api.request("/api/seals/roots").GET(), null);
        for (int i = 0; i < 1000 && last.status() == 200; i++) {
            last = api.send(null, null, api.request("/api/seals/roots").GET(), null);
        }

        assertRefusedAndAudited(last, 429, null, null);
        assertThat(last.json().path("type").asText()).isEqualTo("urn:govshare:problem:caller-rate-limit");
        assertThat(last.json().path("detail").asText()).contains("seals");
        assertThat(verify(EXTRACT, EXTRACT).status()).as("checking a seal is in the same family").isEqualTo(429);
        Eventually.within(Duration.ofSeconds(15), "the seals window of 127.0.0.1 ends",
                () -> api.send(null, null, api.request("/api/seals/roots").GET(), null).status() == 200);
    }

    private Api.Response verify(byte[] document, byte[] seal) {
        return api.postParts(null, "/api/seals/verify", Map.of("document", document, "seal", seal));
    }

    private Sealing.Sealed seal(SealAlgorithm algorithm) {
        return sealing.seal(EXTRACT, SealFormat.CMS, request(), algorithm);
    }

    private static SealRequest request() {
        return new SealRequest(DocumentKind.DATA_EXTRACT, DEPARTMENT, "grant:GR-VERIFY", "户籍信息摘录");
    }

    private static void assertInvalid(Api.Response answer, InvalidReason reason) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("valid").asBoolean()).as(answer.body()).isFalse();
        assertThat(answer.json().path("reason").asText()).as(answer.body()).isEqualTo(reason.name());
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES);
    }
}
