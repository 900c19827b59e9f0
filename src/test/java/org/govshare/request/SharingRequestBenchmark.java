package org.govshare.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.govshare.audit.AuditChainer;
import org.govshare.audit.AuditIndexer;
import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.CatalogEntry;
import org.govshare.vocabulary.ConditionType;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;
import org.govshare.identity.DepartmentKind;
import org.govshare.identity.Tier;
import org.govshare.rules.RuleBook;
import org.govshare.rules.eligibility.EligibilityCase;
import org.govshare.support.Api.Response;
import org.govshare.support.Alternation;
import org.govshare.support.AppCpus;
import org.govshare.support.FlightRecording;
import org.govshare.support.IntegrationTest;
import org.govshare.support.JitWarmUp;
import org.govshare.support.Settle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * How fast requests are decided, on PostgreSQL and Elasticsearch: eligibility decisions per second on one thread
 * with the shipped rules; and unconditional requests end to end (HTTP → validation → rules → process → grant →
 * audit) against two bare paths measured in the same run: an HTTP {@code POST} with the same authentication that
 * starts a process of the same shape with no-op steps (the fixed costs paid, the governance not), and the engine
 * starting that process with no HTTP at all. Each measured section is also recorded by the flight recorder
 * ({@link FlightRecording}). Run with {@code ./mvnw verify -Pbenchmark}; figures go to
 * {@code target/benchmarks/sharing-requests.json}. Nothing is asserted about speed.
 */
// the audit checkpoints and indexing as often as in production, not every 200 events and every 100 ms as the test
// profile makes them
// both paths still pass through the caller rate limit, as every call does; its limits are lifted so that a fast
// machine's warm-up is not refused
@org.springframework.test.context.TestPropertySource(properties = {"govshare.anchor.every-events=1000",
        "govshare.audit.indexer.poll-interval=500ms",
        "govshare.rate-limits.families.requests.limit=100000000", "govshare.rate-limits.families.default.limit=100000000",
        "govshare.rate-limits.families.catalog.limit=100000000"})
class SharingRequestBenchmark extends IntegrationTest {

    /** The bare HTTP path: authenticated like any call, then the same process shape started with no-op steps. */
    @TestConfiguration
    static class BareHttp {

        /** The eligibility step's stand-in: the verdict the rules give an unconditional request, and nothing else. */
        @org.springframework.context.annotation.Bean
        JavaDelegate benchmarkVerdict() {
            return execution -> execution.setVariable("eligibility", "GRANT");
        }

        @org.springframework.context.annotation.Bean
        JavaDelegate benchmarkNoOp() {
            return execution -> { };
        }

        @RestController
        static class BareRequest {

            private final ProcessEngine engine;
            private final java.util.concurrent.atomic.AtomicLong numbers = new java.util.concurrent.atomic.AtomicLong();

            BareRequest(ProcessEngine engine) {
                this.engine = engine;
            }

            @PostMapping("/api/bench/bare/requests")
            @ResponseStatus(HttpStatus.CREATED)
            Map<String, Object> start(@RequestBody Map<String, Object> request) {
                String number = "bare-http-" + numbers.incrementAndGet();
                engine.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS, number,
                        Map.of("resourceCode", String.valueOf(request.get("resourceCode"))));
                return Map.of("id", number, "status", "GRANTED");
            }
        }
    }

    private static final String BARE_PROCESS = "bare-sharing-request";
    private static final int DECISIONS = 50_000;
    private static final int REQUESTS = 300;
    private static final int PROFILED = 150;
    private static final int WARM_UP = 100;
    private static final int MAX_WARM_UP = 5000;
    // blocks of 4 s, long beside the audit indexer's half-second rounds; each governed request needs a resource of its
    // own published beforehand, hence the cap (4 s at 250 requests a second)
    private static final Alternation.Blocks BLOCKS = new Alternation.Blocks(4, java.time.Duration.ofSeconds(4), 1000);
    private final java.util.concurrent.atomic.AtomicInteger published = new java.util.concurrent.atomic.AtomicInteger();
    private static final int GOVERNED = MAX_WARM_UP + BLOCKS.count() * BLOCKS.maxCallsPerClient() + PROFILED;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Autowired
    RuleBook rules;

    @Autowired
    ProcessEngine engine;

    @Autowired
    AuditChainer chainer;

    @Autowired
    AuditIndexer indexer;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void decideAndGrant() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
        figures.put("appCpus", AppCpus.limitAsAsked());
        figures.put("ruleSetVersion", rules.version());
        figures.put("eligibility", eligibilityPerSecond());

        // every governed request asks for a resource of its own: asking for one resource again and again would make
        // the applicant hold one more grant at each request, which the eligibility step reads and the rules weigh
        java.util.Iterator<String> bodies = java.util.stream.Stream.generate(this::publishUnconditional)
                .limit(GOVERNED).map(SharingRequestBodies::organisationsInACase).toList().iterator();
        String body = SharingRequestBodies.organisationsInACase(CatalogEntries.nextCode("203001", "102"));
        deployBareShape();
        // both HTTP paths warm (JIT, pool, caches) before either is measured, so their order favours neither
        figures.put("warmUp", JitWarmUp.untilSettled(() -> {
            post("/api/requests", bodies.next());
            post("/api/bench/bare/requests", body);
        }, WARM_UP, MAX_WARM_UP));
        Runnable governed = () -> post("/api/requests", bodies.next());
        Runnable bareCall = () -> post("/api/bench/bare/requests", body);
        Map<String, Map<String, Object>> timed = Alternation.time(List.of(new Alternation.Path("governed", governed),
                new Alternation.Path("bare", bareCall)), 1, BLOCKS, Settle.auditTrail(chainer, indexer, elasticsearch));
        Map<String, Object> endToEnd = timed.get("governed");
        endToEnd.put("how", "HTTP POST /api/requests as an official (Basic auth), one client, sequential, each for a"
                + " resource the department holds no grant for; in blocks alternating with the bare HTTP path's");
        Map<String, Object> bareHttp = timed.get("bare");
        bareHttp.put("how", "HTTP POST of the same body with the same authentication, starting the same process shape"
                + " with no-op steps, one client, sequential");
        Map<String, Object> bare = bareEngine();
        figures.put("unconditionalRequestsEndToEnd", endToEnd);
        figures.put("bareHttpSameShape", bareHttp);
        figures.put("httpFloorGetMe", httpFloor());
        figures.put("bareEngineSameShape", bare);
        // under the flight recorder last, after every timed section (see profile)
        endToEnd.put("profile", profile("request-governed", governed));
        bareHttp.put("profile", profile("request-bare-http", bareCall));
        figures.put("ratioEndToEndToBareHttp", (double) endToEnd.get("perSecond") / (double) bareHttp.get("perSecond"));
        figures.put("ratioEndToEndToBareEngine", (double) endToEnd.get("perSecond") / (double) bare.get("perSecond"));

        Path out = Path.of("target/benchmarks/sharing-requests.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        System.out.println("BENCHMARK sharing-requests " + figures);
    }

    private Map<String, Object> eligibilityPerSecond() {
        List<EligibilityCase> cases = List.of(
                eligibilityCase(SharingType.UNCONDITIONAL, Sensitivity.PUBLIC),
                eligibilityCase(SharingType.CONDITIONAL, Sensitivity.PERSONAL),
                eligibilityCase(SharingType.NON_SHARING, Sensitivity.INTERNAL));
        for (int i = 0; i < 5_000; i++) {
            rules.decide(SharingRequests.DECISION, cases.get(i % 3).facts());
        }
        long start = System.nanoTime();
        for (int i = 0; i < DECISIONS; i++) {
            rules.decide(SharingRequests.DECISION, cases.get(i % 3).facts());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("decisions", DECISIONS);
        figure.put("mix", "one third each: unconditional/public (GRANT), conditional/personal (REVIEW), non-sharing (REFUSE)");
        figure.put("threads", 1);
        figure.put("perSecond", DECISIONS / seconds);
        return figure;
    }

    private static EligibilityCase eligibilityCase(SharingType type, Sensitivity sensitivity) {
        return new EligibilityCase(
                new EligibilityCase.Resource("101001/101001", "常住人口基本信息", "public-security", type,
                        "《中华人民共和国居民身份证法》 第十九条", List.of(new EligibilityCase.Item("公民身份号码", sensitivity),
                        new EligibilityCase.Item("姓名", sensitivity)),
                        List.of(new EligibilityCase.Condition(ConditionType.PURPOSE_REQUIRED, "身份核验"))),
                new EligibilityCase.Request(List.of("公民身份号码", "姓名"), "低保申请人身份核验", "《社会救助暂行办法》 第十一条",
                        "ADMINISTRATIVE_APPROVAL", LocalDate.now(), LocalDate.now().plusDays(30)),
                new EligibilityCase.Applicant("civil-affairs", Tier.MUNICIPAL, "410100", DepartmentKind.ADMINISTRATIVE), List.of());
    }

    /**
     * A resource for one governed request, under codes of its own: Civil Affairs numbers 1,000 codes per sub-item of a
     * classification (203001/102nnn), fewer than the warm-up alone can take, so these run through sub-items 201 on.
     */
    private String publishUnconditional() {
        int n = published.getAndIncrement();
        String code = "203%03d/102%03d".formatted(201 + n / 1000, n % 1000);
        CatalogEntry entry = CatalogEntries.withCode(CatalogEntries.organisations(code), code);
        Response submitted = api.post("mzj.chen", "/api/catalog/submissions", JSON.valueToTree(entry).toString());
        Response review = api.post("authority.li", "/api/catalog/submissions/" + submitted.json().path("id").asText()
                + "/review", "{\"decision\":\"PUBLISH\"}");
        if (review.status() != 200) {
            throw new IllegalStateException(code + " was not published: " + submitted.body() + " " + review.body());
        }
        return entry.code();
    }


    private void post(String path, String body) {
        Response granted = api.post("gaj.zhang", path, body);
        if (granted.status() != 201 || !granted.body().contains("\"GRANTED\"")) {
            throw new IllegalStateException(path + ": the benchmark request was not granted: " + granted.body());
        }
    }

    /**
     * {@code PROFILED} calls under a flight recording named {@code recording}, after every timed section, so neither
     * the recorder's cost nor what it leaves behind (the JVM recompiles much of what it had compiled when a recording
     * starts and stops) falls on a timed one.
     */
    private static Map<String, Object> profile(String recording, Runnable call) throws IOException {
        FlightRecording flight = FlightRecording.ofServedCalls(recording);
        long[] profiled = time(call, PROFILED);
        return flight.stop(PROFILED, Arrays.stream(profiled).sum() / 1e6 / PROFILED);
    }

    private static long[] time(Runnable call, int times) {
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /** What any authenticated call costs here (HTTP, Basic authentication against Camunda's identity service). */
    private Map<String, Object> httpFloor() {
        long[] nanos = new long[REQUESTS];
        for (int i = -WARM_UP; i < REQUESTS; i++) {
            long start = System.nanoTime();
            api.get("gaj.zhang", "/api/me");
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        return figures("HTTP GET /api/me as an official (Basic auth), one client, sequential: the floor of any API call", nanos);
    }

    /**
     * The request process itself, under another key, with every service task's delegate a no-op: the eligibility
     * step only sets the verdict the rules would have given, and the route reads it from that variable instead of asking
     * the platform. Gateways, the withdrawal event subprocess and the history they write are the engine's own.
     */
    private void deployBareShape() {
        BpmnModelInstance sameShape = Bpmn.readModelFromStream(
                getClass().getClassLoader().getResourceAsStream("processes/sharing-request.bpmn"));
        sameShape.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next()
                .setId(BARE_PROCESS);
        for (ServiceTask task : sameShape.getModelElementsByType(ServiceTask.class)) {
            task.setCamundaDelegateExpression("Task_DecideEligibility".equals(task.getId())
                    ? "${benchmarkVerdict}" : "${benchmarkNoOp}");
        }
        for (ConditionExpression condition : sameShape.getModelElementsByType(ConditionExpression.class)) {
            condition.setTextContent(condition.getTextContent()
                    .replace("sharingRequests.eligibility(execution.processInstanceId)", "eligibility"));
        }
        engine.getRepositoryService().createDeployment().addModelInstance(BARE_PROCESS + ".bpmn", sameShape).deploy();
    }

    private Map<String, Object> bareEngine() {
        long[] nanos = new long[REQUESTS];
        for (int i = -WARM_UP; i < REQUESTS; i++) {
            long start = System.nanoTime();
            engine.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS, "bare-" + i);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        return figures("RuntimeService.startProcessInstanceByKey of the request process with no-op steps, same engine and"
                        + " database, one thread",
                nanos);
    }

    private static Map<String, Object> figures(String how, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double seconds = Arrays.stream(nanos).sum() / 1e9;
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("how", how);
        figure.put("runs", nanos.length);
        figure.put("perSecond", nanos.length / seconds);
        figure.put("p50Millis", sorted[sorted.length / 2] / 1e6);
        figure.put("p95Millis", sorted[(int) (sorted.length * 0.95)] / 1e6);
        figure.put("p99Millis", sorted[(int) (sorted.length * 0.99)] / 1e6);
        return figure;
    }
}
