package org.govshare.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.catalog.ItemKind;
import org.govshare.catalog.SharingMethod;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.support.Api;
import org.govshare.support.Api.Response;
import org.govshare.vocabulary.ConditionType;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;

/**
 * A dataset through the platform, over HTTP against any node: Civil Affairs publishes its register of assistance
 * recipients (one item of each masking kind, a date, a number, a secret), pushes three records, and grants what a
 * department asks for.
 */
public final class GrantedRecipients {

    public static final String PURPOSE = "核查涉案人员是否领取低保 checking whether suspects receive assistance";
    public static final List<String> GRANTED = List.of("公民身份号码", "姓名", "手机号码", "居住地址", "救助金额");
    /** The three recipients every test starts with, as pushed. */
    public static final String RECORDS = """
            [{"公民身份号码":"410105199001011234","姓名":"张伟","手机号码":"13812345678","居住地址":"河南省郑州市金水区花园路59号",
              "救助金额":860.5,"认定日期":"2026-01-15","核查批次":"X-1"},
             {"公民身份号码":"410102198505052345","姓名":"欧阳娜娜","手机号码":"13998765432","居住地址":"河南省中牟县城关镇",
              "救助金额":720,"认定日期":"2026-03-02","核查批次":"X-2"},
             {"公民身份号码":"410103197012123456","姓名":"李强","手机号码":"13700001111","居住地址":"河南省郑州市二七区大学路",
              "救助金额":910,"认定日期":"2026-06-30","核查批次":"X-3"}]""";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final Api api;
    private final String code;

    private GrantedRecipients(Api api, String code) {
        this.api = api;
        this.code = code;
    }

    /** Publishes the register under a fresh code and pushes its records. */
    public static GrantedRecipients published(Api api) {
        GrantedRecipients recipients = new GrantedRecipients(api, CatalogEntries.nextCode("203002", "102"));
        CatalogEntries.publish(api, "mzj.chen", recipients(recipients.code));
        Response pushed = api.post("mzj.chen", recipients.path() + "/records?mode=REPLACE", RECORDS);
        assertThat(pushed.status()).as(pushed.body()).isBetween(200, 201);
        return recipients;
    }

    public String code() {
        return code;
    }

    /** Where its data is read. */
    public String path() {
        return "/api/data/" + code;
    }

    /**
     * The applicant's department asks for {@link #GRANTED} and Civil Affairs approves, unmasking what it is told to
     * and naming masked items the consumer may match exactly (verification keys): the grant's id.
     */
    public String grant(String applicant, List<String> users, List<String> systems, List<String> unmask,
                        List<String> verificationKeys) {
        Response asked = RequestsThroughTheSteps.ask(api, applicant, request(users, systems));
        assertThat(asked.json().path("status").asText()).as(asked.body()).isEqualTo("IN_REVIEW");
        ObjectNode answer = JSON.createObjectNode().put("decision", "APPROVE");
        answer.set("unmask", JSON.valueToTree(unmask));
        answer.set("verificationKeys", JSON.valueToTree(verificationKeys));
        Response approved = RequestsThroughTheSteps.reply(api, "mzj.chen", asked.json().path("id").asText(), answer.toString());
        assertThat(approved.json().path("status").asText()).as(approved.body()).isEqualTo("GRANTED");
        return approved.json().path("grantId").asText();
    }

    /** A sharing request for {@link #GRANTED}, for {@link #PURPOSE}, for 30 days, naming who may read. */
    public String request(List<String> users, List<String> systems) {
        ObjectNode body = JSON.createObjectNode();
        body.put("resourceCode", code);
        body.set("items", JSON.valueToTree(GRANTED));
        body.put("purpose", PURPOSE);
        body.put("scenario", "LAW_ENFORCEMENT");
        body.put("validFrom", TODAY.toString());
        body.put("validUntil", TODAY.plusDays(30).toString());
        body.set("officials", JSON.valueToTree(users));
        body.set("systems", JSON.valueToTree(systems));
        return body.toString();
    }

    /** Civil Affairs' register of assistance recipients under the given code. */
    static CatalogEntry recipients(String code) {
        return new CatalogEntry(code, "最低生活保障对象信息 " + code, "Recipients of minimum living assistance", "civil-affairs",
                "civil-affairs", "最低生活保障 (社会救助暂行办法)", org.govshare.vocabulary.ResourceKind.PROFESSIONAL,
                new CatalogEntry.Classification("2", "03", "002"),
                new CatalogEntry.Format(org.govshare.catalog.FormatCategory.STRUCTURED_TABLE, "table"),
                List.of(new DataItem("公民身份号码", "string", 18, Sensitivity.PERSONAL, true, true, ItemKind.ID_NUMBER),
                        new DataItem("姓名", "string", 50, Sensitivity.PERSONAL, null, true, ItemKind.PERSON_NAME),
                        new DataItem("手机号码", "string", 11, Sensitivity.PERSONAL, null, null, ItemKind.MOBILE),
                        new DataItem("居住地址", "string", 200, Sensitivity.PERSONAL, null, null, ItemKind.ADDRESS),
                        new DataItem("救助金额", "decimal", null, Sensitivity.INTERNAL),
                        new DataItem("认定日期", "date", null, Sensitivity.INTERNAL),
                        new DataItem("核查批次", "string", 20, Sensitivity.STATE_SECRET)),
                SharingType.CONDITIONAL, "用于履行法定职责的核查", List.of(new CatalogEntry.SharingCondition(
                        ConditionType.PURPOSE_REQUIRED, "核查")), null, SharingMethod.HOSTED_DATASET, false, null,
                org.govshare.catalog.UpdateCycle.DAILY, null, List.of(), null, null);
    }
}
