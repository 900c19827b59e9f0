package org.govshare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.govshare.support.WebappLogin;
import org.junit.jupiter.api.Test;

/** Art. 27: every caller is identified; officials reach their own department's data and tasks only. */
class IdentityAndAccessIT extends IntegrationTest {

    @Test
    void anOfficialKnowsTheirDepartmentAndRoles() {
        JsonNode me = api.get("mzj.chen", "/api/me").json();

        assertThat(me.path("department").path("code").asText()).isEqualTo("civil-affairs");
        assertThat(me.path("department").path("tier").asText()).isEqualTo("MUNICIPAL");
        assertThat(me.path("roles").toString()).contains("PROVIDER_REVIEWER");
    }

    @Test
    void districtDepartmentsCarryTheirTierAndRegion() {
        JsonNode jinshui = api.get("jsq.xu", "/api/departments/jinshui-civil-affairs").json();

        assertThat(jinshui.path("tier").asText()).isEqualTo("DISTRICT");
        assertThat(jinshui.path("regionCode").asText()).isEqualTo("410105");
    }

    @Test
    void everyEndpointButHealthNeedsCredentialsAndTheChallengeIsNoRefusal() {
        for (String path : new String[] {"/api/me", "/api/departments", "/engine-rest/task", "/engine-rest/process-definition"}) {
            Response anonymous = api.get(null, path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
            // the Basic challenge every browser meets before it sends credentials: not recorded as a refusal
            assertThat(auditEventsOf(anonymous.correlationId())).as(path).isEmpty();
        }
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefusedAndAuditedUnderTheClaimedLogin() {
        Response wrong = api.getWithPassword("rsj.wu", "not-the-password", "/api/me");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("type").asText()).isEqualTo("urn:govshare:problem:bad-credentials");
        assertThat(auditEventsOf(wrong.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "LOGIN_FAILED").containsEntry("actor", "rsj.wu"));
    }

    @Test
    void theEngineApiDoesNotListAnotherDepartmentsOfficialsEither() {
        assertThat(api.get("gaj.zhang", "/engine-rest/user?memberOfGroup=civil-affairs").json()).isEmpty();
        assertThat(api.get("gaj.zhang", "/engine-rest/user/gaj.zhang/profile").status()).as("one's own profile").isEqualTo(200);
        assertThat(api.get("admin", "/api/catalog/submissions").status()).as("an administrator has no department").isEqualTo(200);
    }

    @Test
    void anotherDepartmentsOfficialsAndTasksAreForbidden() {
        Response officials = api.get("gaj.zhang", "/api/departments/civil-affairs/officials");
        Response tasks = api.get("gaj.zhang", "/api/departments/civil-affairs/tasks");

        assertThat(officials.status()).isEqualTo(403);
        assertThat(tasks.status()).isEqualTo(403);
        assertThat(officials.json().path("detail").asText()).contains("public-security", "civil-affairs");
        assertThat(auditEventsOf(tasks.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "ACCESS_DENIED")
                        .containsEntry("actor", "gaj.zhang").containsEntry("actor_department", "public-security"));
        assertThat(api.get("gaj.zhang", "/api/departments/public-security/officials").status()).isEqualTo(200);
        assertThat(api.get("gaj.zhang", "/api/departments/public-security/officials?size=1").json()).hasSize(1);
    }

    @Test
    void onlyTheAuthorityAndSupervisorsSearchTheAuditTrail() {
        assertThat(api.get("scj.yang", "/api/audit").status()).isEqualTo(403);
        assertThat(api.get("owner.zhao", "/api/audit").status()).isEqualTo(403);
        assertThat(api.get("supervisor.qian", "/api/audit").status()).isEqualTo(200);
        assertThat(api.get("authority.li", "/api/audit").status()).isEqualTo(200);
    }

    @Test
    void tasklistShowsATaskOnlyToItsDepartmentAndRole() {
        Response started = api.post("scj.yang", "/api/role-requests",
                "{\"requestedRole\":\"PROVIDER_REVIEWER\",\"reason\":\"I answer sharing requests for market data\"}");
        assertThat(started.status()).isEqualTo(201);
        String instance = started.json().path("processInstanceId").asText();
        String query = "/engine-rest/task?processInstanceId=" + instance;

        JsonNode forAuthority = api.get("authority.li", query).json();
        assertThat(forAuthority).hasSize(1);
        String taskId = forAuthority.get(0).path("id").asText();
        assertThat(api.get("scj.yang", query).json()).isEmpty();
        assertThat(api.get("mzj.chen", query).json()).isEmpty();
        // process owners watch every process (Cockpit) but work none of its tasks
        assertThat(api.get("owner.zhao", query).json()).hasSize(1);
        assertThat(api.post("owner.zhao", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true}}}").status()).isEqualTo(403);

        Response foreignCompletion = api.post("gaj.wang", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true}}}");
        assertThat(foreignCompletion.status()).isEqualTo(403);
        assertThat(auditEventsOf(foreignCompletion.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "ACCESS_DENIED").containsEntry("actor", "gaj.wang"));

        Response approval = api.post("authority.li", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true}}}");
        assertThat(approval.status()).isEqualTo(204);
        assertThat(api.get("scj.yang", "/api/me").json().path("roles").toString()).contains("PROVIDER_REVIEWER");
        assertThat(auditEventsOf(approval.correlationId())).extracting(e -> e.get("action"))
                .containsExactly("TASK_COMPLETED", "ROLE_GRANTED", "PROCESS_ENDED");
    }

    @Test
    void processOwnersSeeCockpitOnlyAdminsSeeAdminEveryOfficialSeesTasklist() {
        WebappLogin webapps = new WebappLogin(port);

        assertThat(webapps.login("owner.zhao", "cockpit")).isEqualTo(200);
        assertThat(webapps.login("gaj.zhang", "cockpit")).isEqualTo(403);
        assertThat(webapps.login("owner.zhao", "admin")).isEqualTo(403);
        assertThat(webapps.login("admin", "admin")).isEqualTo(200);
        assertThat(webapps.login("gaj.zhang", "tasklist")).isEqualTo(200);
        assertThat(jdbc.queryForList("select action from audit_event where actor = 'gaj.zhang' and object_type = 'webapp'"
                + " order by seq desc limit 2", String.class)).containsExactly("LOGIN_SUCCEEDED", "LOGIN_FAILED");
    }

    @Test
    void aRoleTheDepartmentCannotHoldIsRefusedWithFieldAndRule() {
        long instancesBefore = jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class);

        Response refused = api.post("rsj.zhou", "/api/role-requests",
                "{\"requestedRole\":\"AUTHORITY\",\"reason\":\"I would like to approve things\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0))
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of(
                        "field", "requestedRole", "rule", "role-not-allowed-in-department",
                        "message", "the role AUTHORITY cannot be held in Municipal Human Resources and Social Security Bureau (ADMINISTRATIVE)")));
        assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class)).isEqualTo(instancesBefore);
        assertThat(auditEventsOf(refused.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "INPUT_REJECTED").containsEntry("outcome", "REFUSED"));
    }

    @Test
    void whatAdministratorsAndOperatorsDoInCamundaIsAuditedToo() {
        Response created = api.post("admin", "/engine-rest/user/create", """
                {"profile":{"id":"temp.clerk","firstName":"临","lastName":"时","email":"temp@zhengzhou.gov.example"},
                 "credentials":{"password":"a-long-password"}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        assertThat(auditEventsOf(created.correlationId())).isNotEmpty().allSatisfy(e -> assertThat(e)
                .containsEntry("action", "ADMIN_CHANGE").containsEntry("actor", "admin"));
        assertThat(auditEventsOf(created.correlationId()).toString()).contains("User").doesNotContain("a-long-password");

        String instance = api.post("mzj.chen", "/api/role-requests",
                "{\"requestedRole\":\"APPLICANT\",\"reason\":\"a request that will be cancelled\"}").json()
                .path("processInstanceId").asText();
        Response cancelled = api.send("admin", "demo", api.request("/engine-rest/process-instance/" + instance).DELETE(), null);
        assertThat(cancelled.status()).isEqualTo(204);
        assertThat(auditEventsOf(cancelled.correlationId())).extracting(e -> e.get("action"))
                .contains("OPERATOR_ACTION", "PROCESS_ENDED");
    }

    @Test
    void aRoleRequestIsReadByItsApplicantAndTheAuthorityWithTheDecisionOnceTaken() {
        String instance = api.post("mzj.liu", "/api/role-requests",
                "{\"requestedRole\":\"PROVIDER_REVIEWER\",\"reason\":\"I review requests for civil affairs data\"}")
                .json().path("processInstanceId").asText();
        JsonNode pending = api.get("mzj.liu", "/api/role-requests/" + instance).json();
        assertThat(pending.path("status").asText()).as(pending.toString()).isEqualTo("PENDING");
        assertRefusedAndAudited(api.get("gaj.wang", "/api/role-requests/" + instance), 403, null, null);
        assertThat(api.get("authority.li", "/api/role-requests/no-such-request").status()).isEqualTo(404);

        String taskId = api.get("authority.li", "/engine-rest/task?processInstanceId=" + instance).json().get(0).path("id").asText();
        assertThat(api.post("authority.li", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":false},\"decisionReason\":{\"value\":\"two reviewers suffice\"}}}")
                .status()).isEqualTo(204);

        JsonNode decided = api.get("mzj.liu", "/api/role-requests/" + instance).json();
        assertThat(decided.path("status").asText()).isEqualTo("REFUSED");
        assertThat(decided.path("decidedBy").asText()).isEqualTo("authority.li");
        assertThat(decided.path("decisionReason").asText()).isEqualTo("two reviewers suffice");
    }

    @Test
    void aRuleBrokenInsideAProcessIsA400OnTheEngineRestApiToo() {
        String instance = api.post("rsj.zhou", "/api/role-requests",
                "{\"requestedRole\":\"PROVIDER_REVIEWER\",\"reason\":\"I will review requests for HR data\"}").json()
                .path("processInstanceId").asText();
        String taskId = api.get("authority.li", "/engine-rest/task?processInstanceId=" + instance).json().get(0).path("id").asText();

        Response refused = api.post("authority.li", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":false}}}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("correlationId").asText()).isEqualTo(refused.correlationId());
        assertThat(refused.json().path("message").asText()).as("Camunda's webapps show the message").isNotBlank();
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("decisionReason");
        assertThat(refused.json().path("errors").get(0).path("rule").asText()).isEqualTo("refusal-needs-reason");
        assertThat(auditEventsOf(refused.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "INPUT_REJECTED").containsEntry("outcome", "REFUSED"));
        assertThat(api.get("authority.li", "/engine-rest/task/" + taskId).status()).as("still open").isEqualTo(200);
        assertThat(api.get(null, "/engine-rest/task/no-such-task").status()).isEqualTo(401);
        assertThat(api.get("authority.li", "/engine-rest/task/no-such-task").status()).as("Camunda's own mapping stays")
                .isEqualTo(404);
    }
}
