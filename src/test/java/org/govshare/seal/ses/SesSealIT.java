package org.govshare.seal.ses;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.govshare.seal.DocumentKind;
import org.govshare.seal.InvalidReason;
import org.govshare.seal.SealAlgorithm;
import org.govshare.seal.SealCertificates;
import org.govshare.seal.SealFormat;
import org.govshare.seal.SealRequest;
import org.govshare.seal.SealVerdict;
import org.govshare.seal.Sealing;
import org.govshare.seal.SealingKey;
import org.govshare.seal.ThrowawayAuthority;
import org.govshare.seal.TimeStamping;
import org.govshare.support.Api;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GB/T 38540 seals on documents with each algorithm: they verify, and each reason a seal can fail is made to happen
 * and named: a changed byte, a revoked seal, an expired one, a signer nobody trusts, a bad timestamp.
 */
class SesSealIT extends IntegrationTest {

    private static final byte[] DOCUMENT = "<证照 编号=\"DZ-1\">登记记录</证照>".getBytes(StandardCharsets.UTF_8);
    private static final SealRequest REQUEST = new SealRequest(DocumentKind.ELECTRONIC_CERTIFICATE, "public-security",
            "certificate:DZ-1", "户籍登记证明");

    @Autowired
    Sealing sealing;
    @Autowired
    DepartmentSeals departmentSeals;
    @Autowired
    SealCertificates certificates;
    @Autowired
    TimeStamping timeStamping;

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void anSesSealVerifiesAndNamesItsDepartmentSealTimeAndRecord(SealAlgorithm algorithm) {
        Sealing.Sealed sealed = sealing.seal(DOCUMENT, SealFormat.SES, REQUEST, algorithm);

        SealVerdict verdict = sealing.verify(DOCUMENT, sealed.seal());

        assertThat(verdict.valid()).as(verdict.message()).isTrue();
        assertThat(verdict.format()).isEqualTo(SealFormat.SES);
        assertThat(verdict.algorithm()).isEqualTo(algorithm);
        assertThat(verdict.department()).isEqualTo("public-security");
        assertThat(verdict.sealId()).startsWith("GS");
        assertThat(verdict.signedAt()).isNotNull();
        assertThat(verdict.timestampedAt()).isNotNull();
        assertThat(Duration.between(verdict.signedAt(), verdict.timestampedAt()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(verdict.certificateStatus()).isEqualTo("VALID");
        assertThat(verdict.registerId()).isEqualTo(sealed.registerId());
        assertThat(jdbc.queryForObject("select seal_id from seal_record where id = ?", String.class, sealed.registerId()))
                .isEqualTo(verdict.sealId());
        // the structure as the standard has it: version 4, the document's SM3 (or SHA-256) digest, the seal inside
        SesSignature signature = SesSignature.getInstance(sealed.seal());
        assertThat(signature.toSign().version()).isEqualTo(4);
        assertThat(signature.toSign().dataHash()).isEqualTo(algorithm.digest(DOCUMENT));
        assertThat(signature.toSign().propertyInfo()).startsWith("kind=ELECTRONIC_CERTIFICATE&subject=certificate%3ADZ-1");
        assertThat(signature.toSign().eseal().sealInfo().header().version()).isEqualTo(4);
        assertThat(signature.timeStamp()).isPresent();
        DepartmentSeal seal = departmentSeals.require(verdict.sealId());
        assertThat(seal.department()).isEqualTo("public-security");
        assertThat(seal.algorithm()).isEqualTo(algorithm);
        assertThat(seal.status(Instant.now())).isEqualTo(DepartmentSeal.Status.VALID);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'DEPARTMENT_SEAL_MADE' and object_id = ?",
                Integer.class, seal.esId())).isEqualTo(1);
    }

    @Test
    void theDefaultAlgorithmIsSm2AndTheDepartmentKeepsOneSealPerAlgorithm() {
        Sealing.Sealed first = sealing.seal(DOCUMENT, SealFormat.SES, REQUEST);
        Sealing.Sealed second = sealing.seal("另一份".getBytes(StandardCharsets.UTF_8), SealFormat.SES, REQUEST);

        assertThat(first.algorithm()).isEqualTo(SealAlgorithm.SM2);
        assertThat(esIdOf(second.seal())).isEqualTo(esIdOf(first.seal()));
    }

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void oneChangedByteIsContentChanged(SealAlgorithm algorithm) {
        Sealing.Sealed sealed = sealing.seal(DOCUMENT, SealFormat.SES, REQUEST, algorithm);
        byte[] changed = DOCUMENT.clone();
        changed[5] ^= 1;

        assertReason(sealing.verify(changed, sealed.seal()), InvalidReason.CONTENT_CHANGED);
    }

    @Test
    void aRevokedSealNeverVerifiesAgainAndTheNextSealIsANewOne() {
        SealRequest request = new SealRequest(DocumentKind.ELECTRONIC_CERTIFICATE, "jinshui-civil-affairs", "certificate:DZ-2", "婚姻登记证明");
        Sealing.Sealed before = sealing.seal(DOCUMENT, SealFormat.SES, request);
        String esId = esIdOf(before.seal());

        Api.Response revoked = api.post("authority.li", "/api/seals/department-seals/" + esId + "/revoke",
                "{\"reason\":\"印章遗失 the seal's key was lost\"}");

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("status").asText()).isEqualTo("REVOKED");
        assertThat(auditEventsOf(revoked.correlationId())).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("DEPARTMENT_SEAL_REVOKED");
            assertThat(e.get("object_id")).isEqualTo(esId);
        });
        // applied before the revocation, or with the revoked seal after it: neither verifies
        assertReason(sealing.verify(DOCUMENT, before.seal()), InvalidReason.REVOKED);
        SealingKey key = certificates.forDepartment("jinshui-civil-affairs", SealAlgorithm.SM2);
        byte[] after = SesSigner.sign(DOCUMENT, "kind=ELECTRONIC_CERTIFICATE", departmentSeals.require(esId).seal(), key,
                Instant.now(), timeStamping).der();
        assertReason(sealing.verify(DOCUMENT, after), InvalidReason.REVOKED);
        assertThat(certificates.trust().revokedSealIds()).contains(esId);
        // the department seals on with a new seal, which verifies
        Sealing.Sealed next = sealing.seal(DOCUMENT, SealFormat.SES, request);
        assertThat(esIdOf(next.seal())).isNotEqualTo(esId);
        assertThat(sealing.verify(DOCUMENT, next.seal()).valid()).isTrue();
        // and a seal is revoked once
        assertRefusedAndAudited(api.post("authority.li", "/api/seals/department-seals/" + esId + "/revoke",
                "{\"reason\":\"again\"}"), 409, "esId", "already-revoked");
    }

    @Test
    void onlyTheAuthorityRevokesAndAlwaysWithAReason() {
        String esId = esIdOf(sealing.seal(DOCUMENT, SealFormat.SES, REQUEST).seal());

        assertRefusedAndAudited(api.post("gaj.wang", "/api/seals/department-seals/" + esId + "/revoke",
                "{\"reason\":\"my own seal\"}"), 403, null, null);
        assertRefusedAndAudited(api.post("authority.li", "/api/seals/department-seals/" + esId + "/revoke", "{}"),
                400, "reason", "required");
        Api.Response unknown = api.post("authority.li", "/api/seals/department-seals/GS99999999/revoke",
                "{\"reason\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(departmentSeals.require(esId).revokedAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void aSealAppliedAfterItsValidityIsOutsideValidity(SealAlgorithm algorithm) {
        Instant now = Instant.now();
        DepartmentSeal expired = departmentSeals.make("public-security", algorithm, now.minus(Duration.ofDays(730)),
                now.minus(Duration.ofDays(365)));
        byte[] seal = SesSigner.sign(DOCUMENT, "kind=ELECTRONIC_CERTIFICATE", expired.seal(),
                certificates.forDepartment("public-security", algorithm), now, timeStamping).der();

        SealVerdict verdict = sealing.verify(DOCUMENT, seal);

        assertReason(verdict, InvalidReason.OUTSIDE_VALIDITY);
        assertThat(verdict.sealId()).isEqualTo(expired.esId());
        assertThat(expired.status(now)).isEqualTo(DepartmentSeal.Status.EXPIRED);
        // an expired seal is never the one a department seals with
        assertThat(esIdOf(sealing.seal(DOCUMENT, SealFormat.SES, REQUEST, algorithm).seal())).isNotEqualTo(expired.esId());
    }

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void aSealFromAnAuthorityNobodyTrustsIsAnUnknownSigner(SealAlgorithm algorithm) {
        ThrowawayAuthority stranger = ThrowawayAuthority.authority(algorithm);
        SealingKey signer = stranger.sealingKey("public-security");
        Instant now = Instant.now();
        SESeal forged = SealMaker.make("GS77777777", "郑州市公安局电子印章", java.util.List.of(signer.certificate()),
                new byte[] {1}, now, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), stranger.sealingKey("platform"));

        byte[] seal = SesSigner.sign(DOCUMENT, "kind=ELECTRONIC_CERTIFICATE", forged, signer, now, timeStamping).der();

        SealVerdict verdict = sealing.verify(DOCUMENT, seal);
        assertReason(verdict, InvalidReason.UNKNOWN_SIGNER);
        assertThat(verdict.message()).contains("not issued under a trusted root");
    }

    @Test
    void theDepartmentsSealSignedWithAKeyItDoesNotListIsAnUnknownSigner() {
        SealingKey department = certificates.forDepartment("public-security", SealAlgorithm.SM2);
        SealingKey stranger = ThrowawayAuthority.authority(SealAlgorithm.SM2).sealingKey("public-security");

        byte[] seal = SesSigner.sign(DOCUMENT, "kind=ELECTRONIC_CERTIFICATE", departmentSeals.current(department).seal(),
                stranger, Instant.now(), timeStamping).der();

        SealVerdict verdict = sealing.verify(DOCUMENT, seal);
        assertReason(verdict, InvalidReason.UNKNOWN_SIGNER);
        assertThat(verdict.message()).contains("not one the seal");
    }

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void anAlteredOrSwappedTimestampIsABadTimestamp(SealAlgorithm algorithm) throws Exception {
        SesSignature signature = SesSignature.getInstance(sealing.seal(DOCUMENT, SealFormat.SES, REQUEST, algorithm).seal());
        byte[] token = signature.timeStamp().orElseThrow();
        byte[] altered = token.clone();
        altered[altered.length - 3] ^= 1; // inside the authority's signature value
        byte[] otherDataStamped = timeStamping.stamp(algorithm.digest("其他".getBytes(StandardCharsets.UTF_8)),
                algorithm.digestOid()).getEncoded();

        assertReason(sealing.verify(DOCUMENT, signature.withTimeStamp(altered).der()), InvalidReason.BAD_TIMESTAMP);
        assertReason(sealing.verify(DOCUMENT, signature.withTimeStamp(otherDataStamped).der()), InvalidReason.BAD_TIMESTAMP);
        assertReason(sealing.verify(DOCUMENT, signature.withTimeStamp(new byte[] {0x30, 0x00}).der()),
                InvalidReason.BAD_TIMESTAMP);
    }

    @Test
    void whatIsNotAnSesSealIsMalformed() {
        byte[] seal = sealing.seal(DOCUMENT, SealFormat.SES, REQUEST).seal();
        byte[] cut = java.util.Arrays.copyOf(seal, seal.length - 10);

        assertThat(sealing.verify(DOCUMENT, cut).reason()).isEqualTo(InvalidReason.MALFORMED);
        assertThat(new SesSealHandler(departmentSeals, timeStamping, java.time.Clock.systemUTC())
                .verify(null, seal, certificates.trust()).reason()).isEqualTo(InvalidReason.MALFORMED);
    }

    @Test
    void officialsListTheSealsAndAnyoneSeesAPicture() {
        String esId = esIdOf(sealing.seal(DOCUMENT, SealFormat.SES, REQUEST).seal());

        Api.Response listed = api.get("mzj.liu", "/api/seals/department-seals");
        Api.Response picture = api.get(null, "/api/seals/department-seals/" + esId + "/picture");

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("esId")).contains(esId);
        assertThat(listed.json().toString()).contains("\"department\":\"public-security\"", "\"status\":\"VALID\"");
        assertThat(picture.status()).isEqualTo(200);
        assertThat(picture.contentType()).isEqualTo("image/png");
        assertThat(picture.body()).contains("PNG");
        assertThat(api.get(null, "/api/seals/department-seals").status()).isEqualTo(401);
    }

    private static String esIdOf(byte[] seal) {
        return SesSignature.getInstance(seal).toSign().eseal().sealInfo().esId();
    }

    private static void assertReason(SealVerdict verdict, InvalidReason reason) {
        assertThat(verdict.valid()).as(verdict.message()).isFalse();
        assertThat(verdict.reason()).as(verdict.message()).isEqualTo(reason);
        assertThat(verdict.format()).isEqualTo(SealFormat.SES);
    }
}
