package org.govshare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.Api.Response;
import org.govshare.support.Eventually;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * National Art. 37 over HTTP: Civil Affairs' official lodges a citizen's complaint of Public Security; the name and
 * contact are sealed in the database, masked for the respondent and the supervisors, clear for the authority handling
 * it (each read audited), and nowhere in the audit trail or Elasticsearch. Under a pack without the step: step-off.
 * Run under both packs ({@code -Dgovshare.rules.pack=national-2025}).
 */
class PublicComplaintsIT extends IntegrationTest {

    /** A name and a number no other test uses: the audit searches below look through every test's events. */
    private static final String NAME = "Quillfeather Zhang";
    private static final String CONTACT = "13907310817";

    @Autowired
    PackInForce pack;

    private static ObjectNode citizens(String facts, String name) {
        ObjectNode body = ComplaintsIT.complaint("public-security", "MISUSE_BEYOND_SCOPE", null, null).put("facts", facts);
        body.putObject("publicComplainant").put("kind", "CITIZEN").put("name", name).put("contact", CONTACT);
        return body;
    }

    @Test
    void aCitizensComplaintIsLodgedByTheOfficialWhoReceivedItWithTheComplainantSealedAndMaskedOrTheStepIsOff() {
        String facts = "市民反映其户籍信息被用于与申请无关的用途 the record was used for an unrelated purpose";
        if (!pack.on(OptionalStep.PUBLIC_COMPLAINTS)) {
            assertRefusedAndAudited(api.post("mzj.liu", "/api/complaints", citizens(facts, NAME).toString()), 409, "pack",
                    "step-off");
            return;
        }
        // the phone number is a common test value: only this test's events are searched for it
        auditChainer.chainPending();
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
        assertRefusedAndAudited(api.post("mzj.liu", "/api/complaints", citizens(facts + " " + NAME, NAME).toString()),
                400, "facts", "facts-without-complainant");
        ObjectNode noKind = citizens(facts, NAME);
        ((ObjectNode) noKind.path("publicComplainant")).put("kind", "NEIGHBOUR");
        assertRefusedAndAudited(api.post("mzj.liu", "/api/complaints", noKind.toString()), 400,
                "publicComplainant.kind", "complainant-kind");
        assertRefusedAndAudited(api.post("supervisor.qian", "/api/complaints", citizens(facts, NAME).toString()), 403,
                null, null);

        Response lodged = api.post("mzj.liu", "/api/complaints", citizens(facts, NAME).toString());

        assertThat(lodged.status()).as(lodged.body()).isEqualTo(201);
        String id = lodged.json().path("id").asText();
        String path = "/api/complaints/" + id;
        assertThat(lodged.body()).doesNotContain(NAME, CONTACT);
        assertThat(lodged.json().path("publicComplainant").path("name").asText()).isEqualTo("Q***");
        assertThat(lodged.json().path("publicComplainant").path("contact").asText()).isEqualTo("139****0817");
        assertThat(lodged.json().path("publicComplainant").path("kind").asText()).isEqualTo("CITIZEN");
        for (String login : new String[] {"gaj.wang", "mzj.liu", "supervisor.qian"}) {
            Response seen = api.get(login, path);
            assertThat(seen.status()).as(login).isEqualTo(200);
            assertThat(seen.body()).as(login).doesNotContain(NAME, CONTACT).contains("139****0817");
        }
        assertThat(api.get("authority.li", "/api/complaints?size=100").body()).doesNotContain(NAME, CONTACT);

        Response handled = api.get("authority.li", path);
        assertThat(handled.json().path("publicComplainant").path("name").asText()).isEqualTo(NAME);
        assertThat(handled.json().path("publicComplainant").path("contact").asText()).isEqualTo(CONTACT);

        String sealed = jdbc.queryForObject("select public_complainant_sealed from complaint where id = ?", String.class, id);
        assertThat(sealed).startsWith("v1.").doesNotContain(NAME, CONTACT, "Quillfeather");
        auditChainer.chainPending();
        assertThat(jdbc.queryForList("select action from audit_event where object_id = ?", String.class, id))
                .contains("COMPLAINT_LODGED", "COMPLAINANT_READ");
        assertThat(jdbc.queryForList("select seq, action, actor, object_id, reason, details from audit_event where seq > ?"
                + " and (concat_ws(' ', object_id, reason, details) like ? or concat_ws(' ', object_id, reason, details) like ?)",
                before, "%Quillfeather%", "%" + CONTACT + "%")).as("events naming the complainant").isEmpty();
        assertThat(jdbc.queryForObject("select details from audit_event where object_id = ? and action = 'COMPLAINT_LODGED'",
                String.class, id)).contains("CITIZEN");
        Eventually.within(Duration.ofSeconds(30), "the complaint's events are searchable", () -> api.get("authority.li",
                "/api/audit?objectId=" + id + "&action=COMPLAINANT_READ").json().path("total").asLong() >= 1);
        for (String complainant : new String[] {"Quillfeather", CONTACT}) {
            Response searched = api.get("authority.li", "/api/audit?q=" + complainant);
            assertThat(searched.json().path("total").asLong()).as(searched.body()).isZero();
        }

        // the investigation is the existing one
        Response found = api.post("authority.li", path + "/investigation",
                "{\"decision\":\"SUBSTANTIATED\",\"reasons\":\"the record was read for another purpose\"}");
        assertThat(found.json().path("status").asText()).as(found.body()).isEqualTo("SUBSTANTIATED");
        assertThat(api.get("mzj.liu", "/api/notices").json().findValuesAsText("kind")).contains("COMPLAINT_SUBSTANTIATED");
    }
}
