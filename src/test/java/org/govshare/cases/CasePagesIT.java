package org.govshare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.govshare.catalog.Submission;
import org.govshare.collection.Consultation;
import org.govshare.complaint.Complaint;
import org.govshare.correction.ErrorReport;
import org.govshare.dispute.Dispute;
import org.govshare.dispute.RulingDecision;
import org.govshare.request.Reply;
import org.govshare.request.ReplyDecision;
import org.govshare.request.Scenario;
import org.govshare.request.SharingRequest;
import org.govshare.rules.Decision;
import org.govshare.rules.Finding;
import org.govshare.supervision.Rectification;
import org.govshare.supervision.Violation;
import org.govshare.supervision.ViolationType;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.govshare.support.WebappLogin;
import org.govshare.support.WebappLogin.Browser;
import org.junit.jupiter.api.Test;

/**
 * The case pages: one HTML page for every kind of case, for any official (the API it reads decides what they see),
 * by Basic credentials or by the official's Tasklist session. What the JSON holds is tested beside each API.
 */
class CasePagesIT extends IntegrationTest {

    private static final String[] PAGE_IDS = {"id=\"case-title\"", "id=\"case-error\"", "id=\"case\"", "id=\"whoami\""};

    @Test
    void everyKindOfCaseHasTheCasePageWithBasicCredentials() {
        for (String kind : CasePageRoutes.KINDS) {
            String path = "/cases/" + kind + "/XX-2026-000001";
            Response page = api.get("gaj.zhang", path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("lang=\"zh-CN\"", "案卷", "Case file", "/cases/cases.js",
                    "/cases/cases.css", "/shared/page.js", "/shared/catalog-terms.js", "/shared/base.css").contains(PAGE_IDS);
        }
        assertThat(api.get("gaj.zhang", "/cases/nonsense/XX-2026-000001").status()).isEqualTo(404);
    }

    @Test
    void theTasklistSessionOpensThePagesAndItsScript() {
        Browser tasklist = new WebappLogin(port).loggedIn("mzj.chen", "tasklist");
        for (String kind : CasePageRoutes.KINDS) {
            Response page = tasklist.get("/cases/" + kind + "/XX-2026-000002");
            assertThat(page.status()).as(kind).isEqualTo(200);
            assertThat(page.contentType()).as(kind).startsWith("text/html");
            assertThat(page.body()).as(kind).contains("/cases/cases.js").contains(PAGE_IDS);
        }
        assertThat(tasklist.get("/cases/cases.js").status()).isEqualTo(200);
        assertThat(tasklist.get("/cases/cases.css").status()).isEqualTo(200);
    }

    @Test
    void anAnonymousCallerIsAskedToLogIn() {
        for (String path : new String[] {"/cases/requests/GX-2026-000001", "/cases/index.html"}) {
            Response anonymous = api.get(null, path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).as(path).doesNotContain("案卷");
        }
    }

    @Test
    void theScriptReadsTheReadApiOfEveryKindAndOnlyWritesText() {
        Response script = api.get("rsj.zhou", "/cases/cases.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).contains("'/api/requests/'", "'/api/catalog/submissions/'", "'/api/disputes/'",
                "'/api/corrections/'", "'/api/consultations/'", "'/api/rectifications/'", "'/history?size=100'", "'/evidence'",
                "'/api/departments'");
        for (String kind : CasePageRoutes.KINDS) {
            assertThat(script.body()).as("the script knows the kind " + kind).containsPattern("\\b" + kind + ": \\{ name");
        }
        // the page's own words for what the API refuses
        assertThat(script.body()).contains("401:", "403:", "404:", "case-error", "case-title");
        assertThat(script.body()).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
    }

    @Test
    void theScriptLabelsEveryValueACaseCanHold() {
        String script = api.get("scj.yang", "/cases/cases.js").body();
        List<Class<? extends Enum<?>>> enums = List.of(SharingRequest.Status.class, Decision.Verdict.class,
                Finding.Severity.class, Scenario.class, Reply.By.class, ReplyDecision.class, Submission.Status.class,
                Dispute.Status.class, RulingDecision.class, ErrorReport.Status.class, ErrorReport.Outcome.class,
                Consultation.Status.class, Consultation.AnswerKind.class, Consultation.RulingDecision.class,
                Rectification.Status.class, ViolationType.class, Violation.Status.class, Violation.Source.class,
                Complaint.Status.class, Complaint.Outcome.class);
        for (Class<? extends Enum<?>> type : enums) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(script).as("a label for %s.%s", type.getName(), value.name())
                        .containsPattern("\\b" + value.name() + ": \\[");
            }
        }
    }
}
