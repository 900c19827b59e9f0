package org.govshare.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
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
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How fast requests are decided, on PostgreSQL and Elasticsearch: eligibility decisions per second on one thread
 * with the shipped rules; and unconditional requests end to end (HTTP → validation → rules → process → grant →
 * audit) against the bare engine running a process of the same shape with no-op steps, in the same run. Run with
 * {@code ./mvnw verify -Pbenchmark}; figures go to {@code target/benchmarks/sharing-requests.json}. Nothing is
 * asserted about speed.
 */
class SharingRequestBenchmark extends IntegrationTest {

    private static final int DECISIONS = 50_000;
    private static final int REQUESTS = 300;
    private static final int WARM_UP = 30;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Autowired
    RuleBook rules;

    @Autowired
    ProcessEngine engine;

    @Test
    void decideAndGrant() throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
        figures.put("ruleSetVersion", rules.version());
        figures.put("eligibility", eligibilityPerSecond());

        String code = publishUnconditional();
        Map<String, Object> endToEnd = endToEnd(code);
        Map<String, Object> bare = bareEngine();
        figures.put("unconditionalRequestsEndToEnd", endToEnd);
        figures.put("httpFloorGetMe", httpFloor());
        figures.put("bareEngineSameShape", bare);
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

    private String publishUnconditional() {
        CatalogEntry entry = CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102"));
        Response submitted = api.post("mzj.chen", "/api/catalog/submissions", JSON.valueToTree(entry).toString());
        api.post("authority.li", "/api/catalog/submissions/" + submitted.json().path("id").asText() + "/review",
                "{\"decision\":\"PUBLISH\"}");
        return entry.code();
    }

    private Map<String, Object> endToEnd(String code) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String body = """
                {"resourceCode":"%s","items":["统一社会信用代码","组织名称"],"purpose":"核查涉案组织",
                 "scenario":"LAW_ENFORCEMENT","validFrom":"%s","validUntil":"%s","officials":["gaj.zhang"]}"""
                .formatted(code, today, today.plusDays(30));
        long[] nanos = new long[REQUESTS];
        for (int i = -WARM_UP; i < REQUESTS; i++) {
            long start = System.nanoTime();
            Response granted = api.post("gaj.zhang", "/api/requests", body);
            long took = System.nanoTime() - start;
            if (granted.status() != 201 || !granted.body().contains("\"GRANTED\"")) {
                throw new IllegalStateException("the benchmark request was not granted: " + granted.body());
            }
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        return figures("HTTP POST /api/requests as an official (Basic auth), one client, sequential", nanos);
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

    private Map<String, Object> bareEngine() {
        BpmnModelInstance sameShape = Bpmn.createExecutableProcess("bare-sharing-request").camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("decide").camundaExpression("${execution.setVariable('eligibility', 'GRANT')}")
                .exclusiveGateway("eligible")
                .condition("grant", "${eligibility == 'GRANT'}")
                .serviceTask("issue").camundaExpression("${true}")
                .endEvent()
                .moveToNode("eligible")
                .condition("refuse", "${eligibility == 'REFUSE'}")
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("bare-sharing-request.bpmn", sameShape).deploy();
        long[] nanos = new long[REQUESTS];
        for (int i = -WARM_UP; i < REQUESTS; i++) {
            long start = System.nanoTime();
            engine.getRuntimeService().startProcessInstanceByKey("bare-sharing-request", "bare-" + i);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        return figures("RuntimeService.startProcessInstanceByKey, same engine and database, no-op expressions, one thread",
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
        return figure;
    }
}
