package org.govshare.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.catalog.CatalogEntries;
import org.govshare.request.SharingRequestBodies;
import org.govshare.support.Browser;
import org.govshare.support.Eventually;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The officials' workplace in a real browser (headless Debian Chromium): Tasklist in Chinese, a provider's reviewer
 * working a sharing request from the list to its outcome, the catalog reviewer reading an entry's items, the audit
 * page for the authority only, and each process drawn in Cockpit. Screenshots of the key screens go to
 * {@code target/screenshots/}; each of them is checked against the accessibility bar (Browser#assertAccessible).
 */
class WorkplaceBrowserIT extends IntegrationTest {

    @Test
    void aProviderReviewerWorksASharingRequestInTasklistFromTheListToItsOutcome() {
        String residents = publish("gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        String ours = submitRequest("mzj.liu", residents, "公民身份号码", "户籍地址");
        String organisations = publish("mzj.chen", CatalogEntries.conditional(
                CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")), "仅用于登记核验"));
        String theirs = submitRequest("gaj.zhang", organisations, "统一社会信用代码", "法定代表人");

        try (Browser browser = Browser.open(port)) {
            browser.go("/camunda/app/tasklist/default/");
            browser.waitForText("登录");
            browser.screenshot("tasklist-login");
            browser.assertAccessible("tasklist-login");
            browser.logIn("tasklist", "gaj.wang");

            String list = browser.waitForText("我的部门待办", ours);
            browser.screenshot("tasklist-department-tasks");
            browser.assertAccessible("tasklist-department-tasks");
            assertThat(list).as("another department's review is not in the list").doesNotContain(theirs);
            browser.go("/camunda/app/tasklist/default/#/?task=" + taskOfCase(theirs));
            browser.waitForText("我的部门待办");
            assertThat(browser.driver().findElements(By.cssSelector("button[ng-click*=claim]")))
                    .as("another department's task cannot be opened").isEmpty();

            browser.click(By.cssSelector(".tasks-list a[href*='task=" + taskOfCase(ours) + "']"));
            browser.click(By.cssSelector("button[ng-click*=claim]"));
            String form = browser.waitUntil(d -> {
                String shown = browser.textWithFieldValues();
                return shown.contains("户籍地址") ? shown : null;
            });
            assertThat(form).as("the whole request in the form").contains(ours, "公民身份号码", "户籍地址",
                    "低保申请人身份核验", "《社会救助暂行办法》", "mzj.liu");
            browser.screenshot("tasklist-provider-review");
            browser.assertAccessible("tasklist-provider-review");

            browser.choose("同意 Approve as asked");
            browser.clickFirst(d -> d.findElements(By.cssSelector("button")).stream()
                    .filter(b -> b.getText().trim().equals("办结") && b.isEnabled()).findFirst().orElse(null));
            browser.waitUntil(d -> browser.text().contains("同意 Approve as asked") ? null : true);
        }

        Eventually.within(java.time.Duration.ofSeconds(10), "the reply from Tasklist is stored",
                () -> !"IN_REVIEW".equals(api.get("mzj.liu", "/api/requests/" + ours).json().path("status").asText()));
        if ("REPLY_AWAITING_APPROVAL".equals(api.get("mzj.liu", "/api/requests/" + ours).json().path("status").asText())) {
            // the national pack's provider head lets the reply take effect (Art. 20)
            assertThat(api.post("gaj.ma", "/api/requests/" + ours + "/reply-approval", "{\"decision\":\"APPROVE\"}")
                    .json().path("status").asText()).isEqualTo("GRANTED");
        }
        assertThat(api.get("mzj.liu", "/api/requests/" + ours).json().path("status").asText()).isEqualTo("GRANTED");
        JsonNode outcome = api.get("mzj.liu", "/api/requests/" + ours).json();
        assertThat(outcome.path("reply").path("decision").asText()).isEqualTo("APPROVE");
        assertThat(outcome.path("reply").path("decidedBy").asText()).isEqualTo("gaj.wang");
        assertThat(outcome.path("grantId").asText()).isNotBlank();

        try (Browser authority = Browser.open(port)) {
            authority.logIn("tasklist", "authority.li");
            authority.go("/audit/?actor=gaj.wang&objectId=" + ours);
            authority.waitForText("共享申请答复", ours);
            authority.screenshot("audit-search");
            authority.assertAccessible("audit-search");
            authority.clickFirst(d -> d.findElements(By.cssSelector("#rows tr")).stream()
                    .filter(row -> row.getText().contains("共享申请答复")).findFirst()
                    .map(row -> row.findElement(By.cssSelector("a.row-title"))).orElse(null));
            String event = authority.waitUntil(d -> {
                String detail = d.findElement(By.id("detail")).getText();
                return detail.contains(ours) && detail.contains("gaj.wang") ? detail : null;
            });
            assertThat(event).contains("共享申请答复", "APPROVE");
            authority.screenshot("audit-event");
            authority.assertAccessible("audit-event");
            authority.go("/audit/");
            authority.click(By.id("verify"));
            authority.waitForText("审计链完整");
            authority.assertAccessible("audit-verified");

            // the catalog the request was made from: the list, and the resource with its history
            authority.go("/catalog/?q=" + residents);
            authority.waitUntil(d -> d.findElements(By.cssSelector("#rows a.row-title")).isEmpty() ? null : true);
            authority.screenshot("catalog-search");
            authority.assertAccessible("catalog-search");
            authority.go("/catalog/?resource=" + residents);
            authority.waitUntil(d -> d.findElement(By.id("detail")).getText().contains("变更历史") ? true : null);
            authority.screenshot("catalog-resource");
            authority.assertAccessible("catalog-resource");
        }
    }

    @Test
    void anOfficialWithoutTheAuthorityOrSupervisorRoleCannotOpenTheAuditPage() {
        try (Browser browser = Browser.open(port)) {
            browser.logIn("tasklist", "gaj.wang");
            browser.go("/audit/");
            String shown = browser.waitForText("您的角色无权打开此页面", "access-denied");
            browser.screenshot("audit-refused");
            browser.assertAccessible("audit-refused");
            assertThat(shown).doesNotContain("审计链", "Exception");
        }
    }

    @Test
    void theCatalogReviewerReadsTheItemsOfAnEntryInTheTask() {
        String code = CatalogEntries.nextPublicSecurityCode();
        JsonNode submitted = CatalogEntries.submitted(api, "gaj.wang", CatalogEntries.bodyForPack(CatalogEntries.residents(code)));
        assertThat(submitted.path("status").asText()).as(submitted.toString()).isEqualTo("IN_REVIEW");
        String task = taskOfCase(code);

        try (Browser browser = Browser.open(port)) {
            browser.logIn("tasklist", "authority.li");
            browser.go("/camunda/app/tasklist/default/#/?task=" + task);
            String form = browser.waitUntil(d -> {
                String shown = browser.textWithFieldValues();
                return shown.contains("户籍地址") ? shown : null;
            });
            browser.screenshot("tasklist-catalog-review");
            browser.assertAccessible("tasklist-catalog-review");
            assertThat(form).contains(code, "公民身份号码", "姓名", "户籍地址", "PERSONAL", "CONDITIONAL", "用于法定职责内的身份核验");

            // the form's link opens the whole case as a page, in the reviewer's own Tasklist session
            String casePage = browser.waitUntil(d -> d.findElements(By.cssSelector("a[href^='/cases/']")).stream()
                    .map(link -> link.getDomAttribute("href")).findFirst().orElse(null));
            browser.go(casePage);
            String items = browser.waitUntil(d -> d.findElements(By.id("items")).stream()
                    .map(WebElement::getText).filter(t -> t.contains("户籍地址")).findFirst().orElse(null));
            assertThat(items).contains("公民身份号码", "姓名", "个人隐私");
            assertThat(browser.text()).contains(code, "用于法定职责内的身份核验");
            browser.script("document.getElementById('items').scrollIntoView({block: 'center'})");
            browser.screenshot("case-page-catalog-submission");
            browser.assertAccessible("case-page-catalog-submission");
        }
    }

    @Test
    void aProcessOwnerSeesEveryProcessDrawnInCockpitInChinese() {
        List<Map<String, Object>> definitions = jdbc.queryForList("select key_, id_ from act_re_procdef d where version_ ="
                + " (select max(version_) from act_re_procdef v where v.key_ = d.key_) order by key_");
        assertThat(definitions).hasSizeGreaterThanOrEqualTo(7);

        List<String> overlaps = new java.util.ArrayList<>();
        try (Browser browser = Browser.open(port)) {
            browser.logIn("cockpit", "owner.zhao");
            browser.waitForText("GovShare 运行监控", "流程");
            browser.screenshot("cockpit-dashboard");
            browser.assertAccessible("cockpit-dashboard");
            for (Map<String, Object> definition : definitions) {
                browser.go("/camunda/app/cockpit/default/#/process-definition/" + definition.get("id_") + "/runtime");
                browser.waitUntil(d -> d.findElements(By.cssSelector(".djs-container .djs-element")).size() > 3 ? true : null);
                browser.waitForText("流程实例");
                browser.screenshot("cockpit-" + definition.get("key_"));
                browser.assertAccessible("cockpit-" + definition.get("key_"));
                overlaps.addAll(DrawnDiagram.overlappingLabels(browser, (String) definition.get("key_")));
            }
        }
        assertThat(overlaps).as("labels drawn over another label or a shape, as Cockpit draws them").isEmpty();
    }

    private String submitRequest(String applicant, String code, String... items) {
        ObjectNode body = SharingRequestBodies.request(code, applicant, items);
        JsonNode request = RequestsThroughTheSteps.ask(api, applicant, body.toString()).json();
        assertThat(request.path("status").asText()).as(request.toString()).isEqualTo("IN_REVIEW");
        return request.path("id").asText();
    }

    /** The one open task of the case with this business key (a request number, a catalog code). */
    private String taskOfCase(String businessKey) {
        List<Map<String, Object>> tasks = jdbc.queryForList("select t.id_ from act_ru_task t join act_ru_execution e"
                + " on e.id_ = t.proc_inst_id_ where e.business_key_ = ?", businessKey);
        assertThat(tasks).hasSize(1);
        return (String) tasks.get(0).get("id_");
    }
}
