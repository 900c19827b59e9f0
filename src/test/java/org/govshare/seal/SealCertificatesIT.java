package org.govshare.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.govshare.support.Api;
import org.govshare.support.Eventually;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The certificates over HTTP: the roots and the time-stamping authority's for anyone, the CRLs, the list for the
 * authority and supervisors, revocation by the authority alone, and the platform's RFC 3161 authority. A seal made
 * with a revoked certificate is refused as {@code REVOKED}, and the CRL lists it. Checked by openssl too: an ECDSA CMS
 * seal with {@code openssl cms -verify}, the CRL with {@code openssl crl}, a timestamp with {@code openssl ts -verify}.
 */
class SealCertificatesIT extends IntegrationTest {

    /** A department no other test seals for: revoking its certificates disturbs nobody. */
    private static final String DEPARTMENT = "jinshui-civil-affairs";
    private static final byte[] EXTRACT = SealVerificationIT.EXTRACT;

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Autowired
    Sealing sealing;

    @Autowired
    CmsSealHandler cms;

    @Autowired
    SealCertificates certificates;

    @Test
    void aSealMadeWithARevokedCertificateIsRevokedAndTheCrlListsIt() throws Exception {
        SealingKey old = certificates.forDepartment(DEPARTMENT, SealAlgorithm.SM2);
        String serial = old.certificate().getSerialNumber().toString(16);
        Sealing.Sealed before = sealing.seal(EXTRACT, SealFormat.CMS, request(), SealAlgorithm.SM2);
        // CRL entries keep whole seconds: a seal of the same second as the revocation counts as after it
        Instant sealedBefore = Instant.now();
        Eventually.within(java.time.Duration.ofSeconds(3), "the next second",
                () -> Instant.now().getEpochSecond() > sealedBefore.getEpochSecond());

        Api.Response revoked = api.post("authority.li", "/api/seals/certificates/" + serial + "/revoke",
                "{\"reason\": \"印章保管人员离职，密钥可能外泄\"}");

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revokedBy").asText()).isEqualTo("authority.li");
        assertThat(auditEventsOf(revoked.correlationId())).extracting(e -> e.get("action")).contains("SEAL_CERTIFICATE_REVOKED");

        byte[] after = cms.seal(EXTRACT, request(), old);
        Api.Response refused = verify(EXTRACT, after);
        assertThat(refused.json().path("valid").asBoolean()).as(refused.body()).isFalse();
        assertThat(refused.json().path("reason").asText()).as(refused.body()).isEqualTo("REVOKED");
        assertThat(refused.json().path("certificateStatus").asText()).isEqualTo("REVOKED");

        Api.Response stillHolds = verify(EXTRACT, before.seal());
        assertThat(stillHolds.json().path("valid").asBoolean()).as("made before the revocation: " + stillHolds.body()).isTrue();
        assertThat(stillHolds.json().path("certificateStatus").asText()).isEqualTo("REVOKED");

        HttpResponse<byte[]> der = get("/api/seals/crl/SM2", "*/*");
        assertThat(der.statusCode()).isEqualTo(200);
        assertThat(der.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509", BouncyCastle.provider())
                .generateCRL(new ByteArrayInputStream(der.body()));
        crl.verify(certificates.root(SealAlgorithm.SM2).getPublicKey(), BouncyCastle.provider());
        assertThat(crl.getRevokedCertificate(new BigInteger(serial, 16))).as("the CRL lists " + serial).isNotNull();
        Path crlFile = Files.write(dir.resolve("sm2.crl"), der.body());
        Run text = openssl("crl", "-inform", "DER", "-in", crlFile.toString(), "-noout", "-text");
        assertThat(text.exit()).as(text.output()).isZero();
        assertThat(text.output().toLowerCase(java.util.Locale.ROOT)).contains("serial number: " + serial);

        for (HttpResponse<byte[]> pem : List.of(get("/api/seals/crl/sm2.pem", "*/*"),
                get("/api/seals/crl/SM2", "application/x-pem-file"))) {
            assertThat(new String(pem.body(), StandardCharsets.US_ASCII)).startsWith("-----BEGIN X509 CRL-----");
        }
        Api.Response unknown = api.send(null, null, api.request("/api/seals/crl/RSA").GET(), null);
        assertRefusedAndAudited(unknown, 400, "algorithm", "unknown-value");

        Api.Response again = api.post("authority.li", "/api/seals/certificates/" + serial + "/revoke", "{\"reason\": \"再次\"}");
        assertRefusedAndAudited(again, 409, "serial", "already-revoked");
        assertThat(certificates.forDepartment(DEPARTMENT, SealAlgorithm.SM2).certificate().getSerialNumber())
                .as("the next seal gets a new certificate").isNotEqualTo(old.certificate().getSerialNumber());
    }

    @Test
    void onlyTheAuthorityRevokesWithAReasonAndAnUnknownSerialIsNotFound() {
        String serial = certificates.forDepartment(DEPARTMENT, SealAlgorithm.ECDSA).certificate().getSerialNumber().toString(16);

        assertRefusedAndAudited(api.post("gaj.zhang", "/api/seals/certificates/" + serial + "/revoke",
                "{\"reason\": \"x\"}"), 403, null, null);
        assertRefusedAndAudited(api.post("supervisor.qian", "/api/seals/certificates/" + serial + "/revoke",
                "{\"reason\": \"x\"}"), 403, null, null);
        assertRefusedAndAudited(api.post("authority.li", "/api/seals/certificates/" + serial + "/revoke",
                "{\"reason\": \"  \"}"), 400, "reason", "required");
        assertRefusedAndAudited(api.post("authority.li", "/api/seals/certificates/" + serial + "/revoke", "{}"),
                400, "reason", "required");
        Api.Response unknown = api.post("authority.li", "/api/seals/certificates/abc123/revoke", "{\"reason\": \"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().path("detail").asText()).contains("abc123");
        assertThat(certificates.find(serial).orElseThrow().status()).isEqualTo("VALID");
        Api.Response anonymous = api.send(null, null, api.request("/api/seals/certificates/" + serial + "/revoke")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"x\"}")).header("Content-Type", "application/json"), null);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void theAuthorityAndSupervisorsListTheCertificatesIssued() {
        certificates.forDepartment(DEPARTMENT, SealAlgorithm.ECDSA);
        certificates.timeStampAuthority();
        for (String login : List.of("authority.li", "supervisor.qian")) {
            Api.Response list = api.get(login, "/api/seals/certificates");
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.json().findValuesAsText("purpose")).contains("ROOT", "TSA", "DEPARTMENT_SEAL");
            assertThat(list.json().findValuesAsText("owner")).contains(DEPARTMENT, "platform");
            assertThat(list.json().get(0).fieldNames()).toIterable().contains("serial", "owner", "purpose", "algorithm",
                    "notBefore", "notAfter", "status");
        }
        assertRefusedAndAudited(api.get("gaj.zhang", "/api/seals/certificates"), 403, null, null);
        assertThat(api.send(null, null, api.request("/api/seals/certificates").GET(), null).status()).isEqualTo(401);
    }

    @Test
    void anEcdsaCmsSealIsCheckedByOpensslWithTheRootsAnyoneMayFetch() throws Exception {
        Sealing.Sealed sealed = sealing.seal(EXTRACT, SealFormat.CMS, request(), SealAlgorithm.ECDSA);
        Path document = Files.write(dir.resolve("extract.json"), EXTRACT);
        Path seal = Files.write(dir.resolve("extract.p7s"), sealed.seal());
        Path roots = trusted().roots();

        Run holds = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", seal.toString(), "-content",
                document.toString(), "-CAfile", roots.toString(), "-purpose", "any", "-out", "/dev/null");
        assertThat(holds.exit()).as(holds.output()).isZero();
        assertThat(holds.output()).contains("Verification successful");

        byte[] changed = EXTRACT.clone();
        changed[5] ^= 1;
        Run broken = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", seal.toString(), "-content",
                Files.write(dir.resolve("changed.json"), changed).toString(), "-CAfile", roots.toString(),
                "-purpose", "any", "-out", "/dev/null");
        assertThat(broken.exit()).as(broken.output()).isNotZero();
    }

    @Test
    void thePlatformsTimeStampingAuthorityAnswersOpensslsQueryAndOpensslChecksTheReply() throws Exception {
        Path data = Files.write(dir.resolve("checkpoint.json"), EXTRACT);
        Path query = dir.resolve("q.tsq");
        Run made = openssl("ts", "-query", "-data", data.toString(), "-sha256", "-cert", "-out", query.toString());
        assertThat(made.exit()).as(made.output()).isZero();

        HttpResponse<byte[]> reply = http.send(api.request("/api/seals/tsa").header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(query))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(reply.statusCode()).as(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
        Path response = Files.write(dir.resolve("r.tsr"), reply.body());

        Trusted trusted = trusted();
        Run checked = openssl("ts", "-verify", "-queryfile", query.toString(), "-in", response.toString(),
                "-CAfile", trusted.roots().toString(), "-untrusted", trusted.tsa().toString());
        assertThat(checked.exit()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("Verification: OK");
        Run shown = openssl("ts", "-reply", "-in", response.toString(), "-text");
        assertThat(shown.output()).contains("Status: Granted", "Policy OID: 1.3.6.1.4.1.61623.1.1");

        Api.Response garbage = api.postBody(null, null, "/api/seals/tsa", "application/timestamp-query",
                "not a query".getBytes(StandardCharsets.UTF_8));
        assertRefusedAndAudited(garbage, 400, "body", "timestamp-query");
    }

    @Test
    void theRootsAndTheTimeStampingAuthorityAreOpenToAnyone() throws Exception {
        HttpResponse<byte[]> roots = get("/api/seals/roots", "*/*");
        assertThat(roots.statusCode()).isEqualTo(200);
        assertThat(roots.headers().firstValue("Content-Type")).hasValue("application/pem-certificate-chain");
        List<X509Certificate> all = certificatesIn(roots.body());
        assertThat(all.stream().filter(c -> c.getBasicConstraints() >= 0)).extracting(c -> c.getSigAlgName().toUpperCase())
                .anySatisfy(name -> assertThat(name).contains("SM2")).anySatisfy(name -> assertThat(name).contains("ECDSA"));
        assertThat(all).anySatisfy(c -> assertThat(c.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.8"));
    }

    private record Trusted(Path roots, Path tsa) {
    }

    /** The roots and the time-stamping authority's certificates from {@code GET /api/seals/roots}, in two PEM files. */
    private Trusted trusted() throws Exception {
        List<X509Certificate> all = certificatesIn(get("/api/seals/roots", "*/*").body());
        Path roots = pem(dir.resolve("roots.pem"), all.stream().filter(c -> c.getBasicConstraints() >= 0).toList());
        Path tsa = pem(dir.resolve("tsa.pem"), all.stream().filter(c -> c.getBasicConstraints() < 0).toList());
        return new Trusted(roots, tsa);
    }

    private static List<X509Certificate> certificatesIn(byte[] pem) throws Exception {
        return CertificateFactory.getInstance("X.509", BouncyCastle.provider())
                .generateCertificates(new ByteArrayInputStream(pem)).stream().map(X509Certificate.class::cast).toList();
    }

    private static Path pem(Path file, List<X509Certificate> certificates) throws IOException {
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            for (X509Certificate c : certificates) {
                writer.writeObject(c);
            }
        }
        return file;
    }

    private HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return http.send(api.request(path).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Api.Response verify(byte[] document, byte[] seal) {
        return api.postParts(null, "/api/seals/verify", Map.of("document", document, "seal", seal));
    }

    private static SealRequest request() {
        return new SealRequest(DocumentKind.DATA_EXTRACT, DEPARTMENT, "grant:GR-JINSHUI", "低保对象摘录");
    }

    record Run(int exit, String output) {
    }

    /** Runs openssl as a process, its output and errors together. */
    static Run openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl " + String.join(" ", arguments) + " did not finish");
        }
        return new Run(process.exitValue(), output);
    }
}
