package org.govshare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Art. 27 for machines: a department's registered system calls as itself, within its allow-list, and is audited. */
class RegisteredSystemsIT extends IntegrationTest {

    @Autowired
    private OfficialDirectory officials;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMappings;

    @Test
    void aDepartmentRegistersASystemWhoseSecretIsShownOnceAndWorks() {
        Response registered = register("gaj.zhang", "户籍核验接口 Household registration check");

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode system = registered.json();
        String clientId = system.path("clientId").asText();
        String secret = system.path("clientSecret").asText();
        assertThat(clientId).matches("sys-[a-z0-9]{12}");
        assertThat(secret).hasSize(43);
        assertThat(system.path("department").asText()).isEqualTo("public-security");
        assertThat(system.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(system.path("createdBy").asText()).isEqualTo("gaj.zhang");
        assertThat(system.path("createdAt").isMissingNode()).isFalse();
        assertThat(auditEventsOf(registered.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "SYSTEM_REGISTERED")
                        .containsEntry("object_id", clientId).containsEntry("actor", "gaj.zhang"))
                .satisfies(e -> assertThat(e.toString()).doesNotContain(secret));

        JsonNode me = api.getWithPassword(clientId, secret, "/api/me").json();
        assertThat(me.path("kind").asText()).isEqualTo("SYSTEM");
        assertThat(me.path("clientId").asText()).isEqualTo(clientId);
        assertThat(me.path("name").asText()).isEqualTo("户籍核验接口 Household registration check");
        assertThat(me.path("department").path("code").asText()).isEqualTo("public-security");
        assertThat(api.get("gaj.zhang", "/api/me").json().path("kind").asText()).isEqualTo("OFFICIAL");

        Response one = api.get("gaj.zhang", "/api/systems/" + clientId);
        Response list = api.get("gaj.zhang", "/api/systems");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("contact").asText()).isEqualTo("王警官 0371-1234567 wang@gaj.zhengzhou.example");
        assertThat(list.json().findValuesAsText("clientId")).contains(clientId);
        for (Response read : List.of(one, list)) {
            assertThat(read.body()).doesNotContain(secret, "clientSecret", "secretHash", ClientCredentials.hash(secret));
        }
        assertThat(jdbc.queryForObject("select secret_hash from registered_system where client_id = ?", String.class,
                clientId)).isEqualTo(ClientCredentials.hash(secret));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where details like ? or reason like ?",
                Long.class, "%" + secret + "%", "%" + secret + "%")).isZero();
    }

    @Test
    void everyEventOfASystemsCallNamesTheSystemAndItsDepartment() {
        Credential system = registered("gaj.zhang");

        Response refused = api.send(system.clientId(), system.secret(), json(api.request("/api/catalog/submissions"),
                "POST", "{}"), null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(auditEventsOf(refused.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "ACCESS_DENIED")
                        .containsEntry("actor", system.clientId()).containsEntry("actor_department", "public-security"));
    }

    @Test
    void aSystemMayCallItsAllowListOnly() {
        Credential system = registered("gaj.zhang");

        for (Response refused : List.of(
                api.send(system.clientId(), system.secret(), json(api.request("/api/catalog/submissions"), "POST", "{}"), null),
                api.getWithPassword(system.clientId(), system.secret(), "/api/audit"),
                api.getWithPassword(system.clientId(), system.secret(), "/engine-rest/task"),
                api.getWithPassword(system.clientId(), system.secret(), "/api/systems"),
                api.send(system.clientId(), system.secret(), json(api.request("/api/grants"), "POST", "{}"), null))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().path("type").asText()).isEqualTo("urn:govshare:problem:systems-not-allowed");
            assertThat(refused.json().path("detail").asText()).contains(refused.json().path("instance").asText());
            assertThat(auditEventsOf(refused.correlationId())).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("action", "ACCESS_DENIED")
                            .containsEntry("actor", system.clientId()));
        }
        assertThat(api.getWithPassword(system.clientId(), system.secret(), "/api/audit").json().path("detail").asText())
                .contains("GET /api/audit");
        // the paths kept for grants and data pass the allow-list (nothing answers under /api/data yet)
        assertThat(api.getWithPassword(system.clientId(), system.secret(), "/api/grants").status()).isEqualTo(200);
        assertThat(api.getWithPassword(system.clientId(), system.secret(), "/api/data/anything").status()).isEqualTo(404);
    }

    @Test
    void noEndpointThatTakesAnOfficialIsReachableByASystem() {
        Credential system = registered("gaj.zhang");
        List<String> calls = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : handlerMappings.getHandlerMethods().entrySet()) {
            boolean takesAnOfficial = List.of(mapping.getValue().getMethodParameters()).stream()
                    .map(MethodParameter::getParameterType).anyMatch(Official.class::equals);
            if (!takesAnOfficial) {
                continue;
            }
            Set<String> methods = mapping.getKey().getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(java.util.stream.Collectors.toSet());
            for (String pattern : mapping.getKey().getPatternValues()) {
                for (String method : methods.isEmpty() ? Set.of("GET") : methods) {
                    calls.add(method + " " + pattern.replaceAll("\\{[^}]+}", "x"));
                }
            }
        }

        assertThat(calls).as("the catalog, needs, role requests and systems take an Official").hasSizeGreaterThan(10);
        for (String call : calls) {
            String[] methodAndPath = call.split(" ");
            Response answer = api.send(system.clientId(), system.secret(),
                    json(api.request(methodAndPath[1]), methodAndPath[0], "{}"), null);
            assertThat(answer.status()).as(call).isEqualTo(403);
            assertThat(answer.json().path("type").asText()).as(call).isEqualTo("urn:govshare:problem:systems-not-allowed");
        }
    }

    @Test
    void rotationIssuesANewSecretAndTheOldOneStopsAtOnce() {
        Credential system = registered("gaj.wang");

        Response rotated = api.post("gaj.zhang", "/api/systems/" + system.clientId() + "/rotation", "");

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newSecret = rotated.json().path("clientSecret").asText();
        assertThat(newSecret).hasSize(43).isNotEqualTo(system.secret());
        Response old = api.getWithPassword(system.clientId(), system.secret(), "/api/me");
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.json().path("type").asText()).isEqualTo("urn:govshare:problem:bad-credentials");
        assertThat(auditEventsOf(old.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "LOGIN_FAILED").containsEntry("actor", system.clientId()));
        assertThat(api.getWithPassword(system.clientId(), newSecret, "/api/me").status()).isEqualTo(200);
        assertThat(auditEventsOf(rotated.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "SYSTEM_CREDENTIAL_ROTATED")
                        .containsEntry("object_id", system.clientId()))
                .satisfies(e -> assertThat(e.toString()).doesNotContain(newSecret));
        assertThat(api.get("gaj.zhang", "/api/systems/" + system.clientId()).body()).doesNotContain(newSecret);
    }

    @Test
    void aRevokedSystemIsRefusedAndStaysRevoked() {
        Credential system = registered("gaj.zhang");
        String revocation = "/api/systems/" + system.clientId() + "/revocation";

        Response noReason = api.post("gaj.zhang", revocation, "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(api.getWithPassword(system.clientId(), system.secret(), "/api/me").status()).isEqualTo(200);

        Response revoked = api.post("gaj.wang", revocation, "{\"reason\":\"the interface was retired\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revokedBy").asText()).isEqualTo("gaj.wang");
        assertThat(auditEventsOf(revoked.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "SYSTEM_REVOKED")
                        .containsEntry("object_id", system.clientId()));

        Response refused = api.getWithPassword(system.clientId(), system.secret(), "/api/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(auditEventsOf(refused.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "LOGIN_FAILED").containsEntry("actor", system.clientId()));
        Response again = api.post("gaj.zhang", revocation, "{\"reason\":\"once more\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:govshare:problem:system-revoked");
        assertThat(api.post("gaj.zhang", "/api/systems/" + system.clientId() + "/rotation", "").status())
                .as("a revoked system gets no new secret").isEqualTo(409);
    }

    @Test
    void anotherDepartmentNeitherSeesNorKeepsTheSystemTheAuthoritySees() {
        Credential system = registered("gaj.zhang");

        Response seen = api.get("mzj.liu", "/api/systems/" + system.clientId());
        assertThat(seen.status()).isEqualTo(403);
        assertThat(auditEventsOf(seen.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "ACCESS_DENIED").containsEntry("actor", "mzj.liu"));
        assertThat(api.post("mzj.liu", "/api/systems/" + system.clientId() + "/rotation", "").status()).isEqualTo(403);
        assertThat(api.post("mzj.liu", "/api/systems/" + system.clientId() + "/revocation", "{\"reason\":\"not ours\"}")
                .status()).isEqualTo(403);
        assertThat(api.get("mzj.liu", "/api/systems?department=public-security").status()).isEqualTo(403);
        assertThat(api.get("mzj.liu", "/api/systems").json().findValuesAsText("clientId")).doesNotContain(system.clientId());
        assertThat(api.getWithPassword(system.clientId(), system.secret(), "/api/me").status()).as("still works").isEqualTo(200);

        assertThat(api.get("authority.li", "/api/systems/" + system.clientId()).status()).isEqualTo(200);
        assertThat(api.get("authority.li", "/api/systems?department=public-security").json()
                .findValuesAsText("clientId")).contains(system.clientId());
        assertThat(api.get("gaj.zhang", "/api/systems/sys-nosuchsystem").status()).isEqualTo(404);
    }

    @Test
    void onlyAdministrativeDepartmentsApplicantsAndProvidersRegisterSystems() {
        Response supervisor = register("supervisor.qian", "监察数据接口");
        assertThat(supervisor.status()).isEqualTo(403);
        assertThat(auditEventsOf(supervisor.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "ACCESS_DENIED").containsEntry("actor", "supervisor.qian"));
        assertThat(register("authority.li", "主管部门接口").status()).isEqualTo(403);
        assertThat(register("admin", "管理接口").status()).isEqualTo(403);
    }

    @Test
    void aSystemNeedsANameAndAContactOfReasonableLength() {
        Response blank = api.post("gaj.zhang", "/api/systems", "{\"name\":\"  \",\"contact\":\"王警官 0371-1234567\"}");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(blank.json().path("errors").get(0).path("rule").asText()).isEqualTo("required");
        assertThat(auditEventsOf(blank.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "INPUT_REJECTED"));

        Response tooLong = api.post("gaj.zhang", "/api/systems",
                "{\"name\":\"接口\",\"contact\":\"" + "x".repeat(201) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("contact");
        assertThat(api.post("gaj.zhang", "/api/systems", "{\"name\":\"" + "名".repeat(100)
                + "\",\"contact\":\"王警官\"}").status()).as("100 characters, not bytes").isEqualTo(201);
    }

    @Test
    void noOfficialsLoginLooksLikeAClientId() {
        assertThatThrownBy(() -> officials.register(new OfficialDirectory.NewOfficial("sys-abcdefghijkl", "冒", "名",
                "", "a-password", "public-security")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0))
                        .extracting(InvalidInputException.InputError::field, InvalidInputException.InputError::rule)
                        .containsExactly("login", "login-reserved-for-systems"));
    }

    private record Credential(String clientId, String secret) {
    }

    private Credential registered(String official) {
        Response registered = register(official, "人口信息查询 Population query");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Credential(registered.json().path("clientId").asText(), registered.json().path("clientSecret").asText());
    }

    private Response register(String official, String name) {
        return api.post(official, "/api/systems",
                "{\"name\":\"" + name + "\",\"contact\":\"王警官 0371-1234567 wang@gaj.zhengzhou.example\"}");
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, String method, String body) {
        return request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    }
}
