package org.govshare.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.catalog.CatalogEntries;
import org.govshare.document.IssuedPdfs;
import org.govshare.request.SharingRequestBodies;
import org.govshare.seal.DocumentKind;
import org.govshare.seal.SealFormat;
import org.govshare.seal.SealRequest;
import org.govshare.seal.Sealing;
import org.govshare.support.Api;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Evidence packages downloaded over HTTP and checked offline: a granted sharing request (a case with a history) and a
 * read of the data it granted, each packaged for a party, verified all holds in-process and by the packaged jar's own
 * {@code verify} command as a process; one changed byte in a file, or in an audit event's field, is refused by the
 * line naming it; an outsider gets a 404 that is audited.
 */
class EvidencePackagesIT extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private Sealing sealing;

    @Autowired
    private AuditTrail auditTrail;

    /** A request granted at once, and one read of what it granted: the case number and the read's event id. */
    private record History(String caseNumber, String readEventId) {
    }

    private History grantedAndRead() {
        String code = publish("mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        Api.Response pushed = api.post("mzj.chen", "/api/data/" + code + "/records?mode=REPLACE",
                "[{\"统一社会信用代码\":\"514101000000000003\",\"组织名称\":\"红十字志愿者协会\"}]");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        ObjectNode body = SharingRequestBodies.request(code, "gaj.zhang", "统一社会信用代码", "组织名称");
        Api.Response asked = RequestsThroughTheSteps.ask(api, "gaj.zhang", body.toString());
        assertThat(asked.json().path("status").asText()).as(asked.body()).isEqualTo("GRANTED");
        String purpose = body.path("purpose").asText();
        Api.Response read = api.get("gaj.zhang", "/api/data/" + code + "?purpose="
                + URLEncoder.encode(purpose, StandardCharsets.UTF_8));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        String readEvent = auditEventsOf(read.correlationId()).stream()
                .filter(e -> "DATA_ACCESSED".equals(e.get("action"))).map(e -> (String) e.get("id")).findFirst()
                .orElseThrow();
        return new History(asked.json().path("id").asText(), readEvent);
    }

    @Test
    void aCasePackageIsVerifiedOfflineAndOneChangedByteOrEventFieldIsNamed() throws Exception {
        History history = grantedAndRead();
        Sealing.Sealed ruling = sealing.seal("裁决书 ruling".getBytes(StandardCharsets.UTF_8), SealFormat.CMS,
                new SealRequest(DocumentKind.DISPUTE_RULING, "sharing-authority", history.caseNumber(), "裁决书 Ruling"));
        long started = System.nanoTime();
        byte[] zip = download("gaj.zhang", "/api/cases/" + history.caseNumber() + "/evidence");
        long madeInMillis = (System.nanoTime() - started) / 1_000_000;

        Map<String, byte[]> files = PackageFiles.read(zip);
        assertThat(files).containsKeys("manifest.json", "manifest.json.p7s", "audit/events.json",
                "documents/register.json", "crls/revoked-seals.json");
        assertThat(files.keySet()).anyMatch(p -> p.startsWith("certificates/roots/"))
                .anyMatch(p -> p.startsWith("certificates/time-stamping/")).anyMatch(p -> p.endsWith(".crl"))
                .anyMatch(p -> p.matches("checkpoints/\\d+/statement\\.json"))
                .anyMatch(p -> p.matches("checkpoints/\\d+/statement\\.tsr"));
        Path roots = platformRoots();
        String printed = verifiedInProcess(zip, Verification.ALL_HOLD, "--root", roots.toString());
        assertThat(printed).contains("manifest.json: sealed by sharing-authority")
                .contains("SUBMITTED " + history.caseNumber() + "): its hash recomputed from its fields matches")
                .containsPattern("event \\d+ \\(\\w+ " + history.caseNumber() + "\\): anchored by checkpoint \\d+")
                .containsPattern("checkpoint \\d+: its statement was timestamped at")
                .contains("SHA-256 fingerprint").contains("pinned by you (--root)").contains("ALL HOLD: ")
                .doesNotContain("FAIL")
                .contains("NOTE sealed document " + ruling.registerId() + " (DISPUTE_RULING, 裁决书 Ruling): the platform does"
                        + " not keep this document; the package carries the register's record of its seal only (document"
                        + " SHA-256 " + ruling.documentHash() + ")")
                .containsPattern("event \\d+ \\(SEAL_MADE " + ruling.registerId() + "\\): anchored by checkpoint");
        String unpinned = verifiedInProcess(zip, Verification.HOLDS_UNPINNED);
        assertThat(unpinned).as("the same checks, but against the roots the package carries").doesNotContain("FAIL")
                .doesNotContain("ALL HOLD").contains("carried by the package")
                .containsPattern("HOLDS AGAINST THE PACKAGE'S OWN ROOTS: \\d+ checks; pin the platform's roots with --root");
        keep("case-package.txt", "package of " + history.caseNumber() + ": " + zip.length + " bytes, made and downloaded in "
                + madeInMillis + " ms\n\n" + printed);
        assertThat(jdbc.queryForList("select details from audit_event where action = 'EVIDENCE_PACKAGE_MADE'"
                + " and object_id = ? and actor = 'gaj.zhang'", String.class, history.caseNumber()))
                .singleElement().asString().contains("sealRegisterId");

        String statement = files.keySet().stream().filter(p -> p.endsWith("statement.json")).findFirst().orElseThrow();
        byte[] changedFile = withFile(files, statement, oneByteChanged(files.get(statement)));
        assertThat(verifiedInProcess(changedFile, Verification.SOMETHING_FAILS))
                .contains("FAIL " + statement + ": its SHA-256 differs from the manifest's")
                .contains("NOT ALL HOLD");

        ArrayNode events = (ArrayNode) PackageLayout.JSON.readTree(files.get("audit/events.json"));
        ObjectNode event = (ObjectNode) events.get(0);
        event.put("actor", event.path("actor").asText() + "x");
        byte[] changedEvent = withFile(files, "audit/events.json", PackageLayout.JSON.writeValueAsBytes(events));
        String refused = verifiedInProcess(changedEvent, Verification.SOMETHING_FAILS);
        keep("case-package-event-changed.txt", refused);
        assertThat(refused)
                .contains("FAIL audit/events.json: its SHA-256 differs from the manifest's")
                .contains("FAIL event " + event.path("seq").asLong() + " (")
                .contains("its fields do not give its hash: the event was changed after it was chained");

        Api.Response outsider = api.get("scj.yang", "/api/cases/" + history.caseNumber() + "/evidence");
        assertRefusedAndAudited(outsider, 404, null, null);
        assertThat(outsider.body()).as("as if there were no such case").contains("not-found");
        assertThat(api.get("gaj.zhang", "/api/cases/GX-1999-999999/evidence").status()).isEqualTo(404);

        pinnedRootsDecide(files, zip);
        aPackageRerootedUnderAThrowawayCaHoldsOnlyUnpinned(files, roots);
        theJarItselfVerifies(zip, changedEvent, roots);
    }

    @Test
    void aReadOfSharedDataIsPackagedForItsProviderAndHiddenFromOthers() throws Exception {
        History history = grantedAndRead();
        byte[] zip = download("mzj.chen", "/api/data-accesses/" + history.readEventId() + "/evidence");

        assertThat(verifiedInProcess(zip, Verification.ALL_HOLD, "--root", platformRoots().toString()))
                .contains("data-access " + history.readEventId())
                .containsPattern("event \\d+ \\(DATA_ACCESSED [^)]+\\): anchored by checkpoint \\d+")
                .containsPattern("event \\d+ \\(GRANT_ISSUED [^)]+\\): its hash recomputed");
        assertRefusedAndAudited(api.get("scj.yang", "/api/data-accesses/" + history.readEventId() + "/evidence"), 404,
                null, null);
        assertRefusedAndAudited(api.get("authority.li", "/api/data-accesses/" + history.caseNumber() + "/evidence"),
                404, null, null);
        String notARead = jdbc.queryForObject("select id from audit_event where object_id = ? and action ="
                + " 'REQUEST_SUBMITTED'", String.class, history.caseNumber());
        Api.Response other = api.get("authority.li", "/api/data-accesses/" + notARead + "/evidence");
        assertRefusedAndAudited(other, 404, null, null);
        String noGrant = auditTrail.record(AuditEntry.ok(AuditAction.DATA_ACCESSED, "resource", "no-such-resource")
                .with("grant", "G-1999-NONE").by(Actor.SYSTEM)).id();
        for (String login : List.of("authority.li", "mzj.chen")) {
            Api.Response answer = api.get(login, "/api/data-accesses/" + noGrant + "/evidence");
            assertRefusedAndAudited(answer, 404, null, null);
            assertThat(answer.body()).as("the same answer as for an event that is no read, not a 500")
                    .contains("not-found");
        }
    }

    /**
     * With {@code --root}, the package's own roots are not trusted: the platform's two roots, pinned, make it hold; the
     * ECDSA root alone does not vouch for the manifest's SM2 seal, though it still does for the checkpoint's ECDSA seal.
     */
    private static void pinnedRootsDecide(Map<String, byte[]> files, byte[] zip) throws IOException {
        Path both = Files.createTempFile("roots", ".pem");
        Path ecdsa = Files.createTempFile("ecdsa-root", ".pem");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getKey().startsWith(PackageLayout.ROOTS)) {
                Files.write(both, file.getValue(), StandardOpenOption.APPEND);
                if (PackageTrust.pem(file.getValue()).get(0).getSubjectX500Principal().getName().contains("ECDSA")) {
                    Files.write(ecdsa, file.getValue());
                }
            }
        }
        assertThat(verifiedInProcess(zip, Verification.ALL_HOLD, "--root", both.toString()))
                .contains("pinned by you (--root)").doesNotContain("carried by the package");
        assertThat(verifiedInProcess(zip, Verification.SOMETHING_FAILS, "--root", ecdsa.toString()))
                .contains("FAIL manifest.json: its seal does not hold: UNKNOWN_SIGNER")
                .containsPattern("OK   checkpoints/\\d+/statement.json: sealed by sharing-authority \\(CMS, ECDSA");
    }

    /**
     * The genuine package with its roots and time-stamping certificate replaced by a throwaway CA's, its checkpoints
     * timestamped and sealed anew and its manifest re-sealed with a throwaway key whose certificate names the authority:
     * against its own roots every line holds, and it exits 3, not 0; against the platform's roots, pinned, it exits 1.
     */
    private static void aPackageRerootedUnderAThrowawayCaHoldsOnlyUnpinned(Map<String, byte[]> genuine, Path roots)
            throws Exception {
        ThrowawayAuthority forger = new ThrowawayAuthority("sharing-authority");
        Map<String, byte[]> files = new LinkedHashMap<>();
        genuine.forEach((path, content) -> {
            if (!path.startsWith(PackageLayout.ROOTS) && !path.startsWith(PackageLayout.TIME_STAMPING)
                    && !path.startsWith(PackageLayout.MANIFEST)) {
                files.put(path, content);
            }
        });
        files.put(PackageLayout.ROOTS + "forged.pem", PackageTrust.pem(forger.root));
        files.put(PackageLayout.TIME_STAMPING + "forged.pem", PackageTrust.pem(forger.timeStamping));
        Manifest was = PackageLayout.JSON.readValue(genuine.get(PackageLayout.MANIFEST), Manifest.class);
        for (long checkpoint : was.checkpoints()) {
            byte[] statement = files.get(PackageLayout.statement(checkpoint));
            files.put(PackageLayout.statementTimestamp(checkpoint), forger.timestamp(statement));
            files.put(PackageLayout.statementSeal(checkpoint), forger.seal(statement));
        }
        byte[] manifest = PackageLayout.JSON.writeValueAsBytes(new Manifest(was.format(), was.version(),
                was.subjectType(), was.subject(), was.title(), was.madeAt(), was.madeBy(), was.madeByDepartment(),
                was.sealedBy(), was.checkpoints(), files.entrySet().stream().map(f -> new Manifest.File(f.getKey(),
                        Sealing.sha256(f.getValue()), f.getValue().length)).toList()));
        Map<String, byte[]> forged = new LinkedHashMap<>();
        forged.put(PackageLayout.MANIFEST, manifest);
        forged.put(PackageLayout.MANIFEST_SEAL, forger.seal(manifest));
        forged.putAll(files);
        byte[] zip = PackageFiles.zip(forged);

        assertThat(verifiedInProcess(zip, Verification.HOLDS_UNPINNED)).doesNotContain("FAIL")
                .contains("OK   manifest.json: sealed by sharing-authority")
                .contains("HOLDS AGAINST THE PACKAGE'S OWN ROOTS");
        assertThat(verifiedInProcess(zip, Verification.SOMETHING_FAILS, "--root", roots.toString()))
                .contains("FAIL manifest.json: its seal does not hold: UNKNOWN_SIGNER")
                .containsPattern("FAIL checkpoint \\d+: its timestamp does not hold");
    }

    @Test
    void aDisputePackageCarriesTheRulingAsIssued() throws Exception {
        String code = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        String request = RequestsThroughTheSteps.ask(api, "mzj.liu",
                SharingRequestBodies.request(code, "mzj.liu", "公民身份号码", "姓名").toString()).json().path("id").asText();
        assertThat(RequestsThroughTheSteps.reply(api, "gaj.wang", request, """
                {"decision":"REFUSE","legalBasisLaw":"《中华人民共和国居民身份证法》","legalBasisArticle":"第十九条",
                 "reasons":"the number suffices"}""").status()).isEqualTo(200);
        String dispute = api.post("mzj.liu", "/api/disputes", """
                {"requestId":"%s","items":["公民身份号码","姓名"],"grounds":"the name is needed"}""".formatted(request))
                .json().path("id").asText();
        for (String side : List.of("mzj.liu", "gaj.wang")) {
            assertThat(api.post(side, "/api/disputes/" + dispute + "/statement", "{\"statement\":\"in writing\"}").status())
                    .isEqualTo(200);
        }
        Api.Response ruled = api.post("authority.li", "/api/disputes/" + dispute + "/ruling",
                "{\"decision\":\"UPHOLD\",\"reasons\":\"the number suffices for the check\"}");
        assertThat(ruled.status()).as(ruled.body()).isEqualTo(200);

        byte[] zip = download("gaj.wang", "/api/cases/" + dispute + "/evidence");

        String ruling = jdbc.queryForObject("select register_id from issued_document where kind = 'DISPUTE_RULING'"
                + " and subject = ?", String.class, dispute);
        assertThat(PackageFiles.read(zip).get("documents/" + ruling + ".pdf")).as("the ruling as issued, byte for byte")
                .isEqualTo(IssuedPdfs.download(port, "gaj.wang", "/api/disputes/" + dispute + "/ruling.pdf"));
        String printed = verifiedInProcess(zip, Verification.ALL_HOLD, "--root", platformRoots().toString());
        assertThat(printed).doesNotContain("NOT ALL HOLD").contains("ALL HOLD: ").contains("OK   sealed document " + ruling + " (DISPUTE_RULING, 争议裁决书 Ruling on dispute "
                        + dispute + "): the document is the one the register recorded")
                .contains("OK   documents/" + ruling + ".pdf: its SHA-256 matches the manifest")
                .containsPattern("OK   event \\d+ \\(DISPUTE_RULED " + dispute + "\\): anchored by checkpoint");
    }

    /**
     * The real command, {@code java -jar govshare.jar verify}, as a process: 0 when all holds against the pinned roots,
     * 3 when it holds against the package's own only, 1 when something does not hold.
     */
    private static void theJarItselfVerifies(byte[] good, byte[] changed, Path roots) throws Exception {
        Path jar = Path.of(System.getProperty("govshare.jar", "target/govshare-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).exists();
        Path folder = Files.createTempDirectory("evidence");
        Path goodFile = Files.write(folder.resolve("package.zip"), good);
        Path changedFile = Files.write(folder.resolve("changed.zip"), changed);

        Run ok = run(jar, goodFile, "--root", roots.toString());
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Checking " + goodFile + " offline").contains("OK   manifest.json: sealed by")
                .contains("ALL HOLD");
        Run unpinned = run(jar, goodFile);
        assertThat(unpinned.exitCode()).as(unpinned.output()).isEqualTo(3);
        assertThat(unpinned.output()).contains("HOLDS AGAINST THE PACKAGE'S OWN ROOTS");
        Run refused = run(jar, changedFile);
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("FAIL audit/events.json: its SHA-256 differs").contains("NOT ALL HOLD");
        Run unreadable = run(jar, jar.resolveSibling("classes").resolve("application.yaml"));
        assertThat(unreadable.exitCode()).as(unreadable.output()).isEqualTo(2);
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path jar, Path pkg, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "verify"));
        command.addAll(List.of(options));
        command.add(pkg.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the verifier ends").isTrue();
        return new Run(process.exitValue(), output);
    }

    /** The platform's roots as anyone fetches them, without a login, to pin with {@code --root}. */
    private Path platformRoots() throws IOException {
        Api.Response roots = api.getWithPassword(null, null, "/api/seals/roots");
        assertThat(roots.status()).as(roots.body()).isEqualTo(200);
        return Files.writeString(Files.createTempFile("platform-roots", ".pem"), roots.body());
    }

    /** @param options given before the package, e.g. {@code --root root.pem} */
    private static String verifiedInProcess(byte[] zip, int expectedExit, String... options) throws IOException {
        Path file = Files.createTempFile("evidence", ".zip");
        Files.write(file, zip);
        List<String> args = new ArrayList<>(List.of(options));
        args.add(file.toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(args.toArray(String[]::new), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(expectedExit);
        return output;
    }

    /** What a run printed, kept under target/evidence for the docs and for whoever reads the build. */
    private static void keep(String name, String text) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "evidence"));
        Files.writeString(folder.resolve(name), text);
    }

    private static byte[] withFile(Map<String, byte[]> files, String path, byte[] content) {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(path, content);
        return PackageFiles.zip(changed);
    }

    private static byte[] oneByteChanged(byte[] content) {
        byte[] changed = content.clone();
        int middle = changed.length / 2;
        changed[middle] = (byte) (changed[middle] == '1' ? '2' : '1');
        return changed;
    }

    private byte[] download(String login, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + Api.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("evidence-");
        return response.body();
    }
}
