package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * A form is read by an official in Tasklist: it shows the case itself, links to the whole case's page, and never
 * sends them to an API address.
 */
class FormsTest {

    /**
     * The case page of each process's case, with the process variable that names the case (set when the process
     * starts). A process that is not a case of its own says so in {@link #NOT_A_CASE}: a new process must be in one.
     */
    private static final Map<String, String> CASE_PAGES = Map.of(
            "sharing-request", "/cases/requests/{{requestNumber}}",
            "catalog-registration", "/cases/submissions/{{submissionId}}",
            "dispute-coordination", "/cases/disputes/{{disputeNumber}}",
            "error-correction", "/cases/corrections/{{reportNumber}}",
            "collection-consultation", "/cases/consultations/{{consultationNumber}}",
            "rectification", "/cases/rectifications/{{caseNumber}}",
            "complaint", "/cases/complaints/{{complaintNumber}}",
            "reply-extension", "/cases/requests/{{requestNumber}}",
            "materials-supplement", "/cases/requests/{{requestNumber}}");
    /**
     * Processes whose tasks are the whole case already (a role request is its form, a suspected violation's review
     * shows the whole finding, an assessment's draft is read through its review API and its page once published, a
     * disposal's task shows the grant, how it ended and the provider's requirements), or that have no task at all (the
     * daily detection).
     */
    // sharing-suspension and sharing-change are cases without a case page yet: their forms carry the whole case in
    // caseSummary and GET /api/suspensions/{id}, /api/sharing-changes/{id} read them (docs/suspension.md)
    private static final List<String> NOT_A_CASE = List.of("role-request", "suspected-violation-review",
            "supervision-detection", "annual-assessment", "grant-disposal", "catalog-update",
            "sharing-suspension", "sharing-change");
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noFormPointsAnOfficialAtAnApiAddress() throws IOException {
        List<Path> forms = files("forms", ".form");
        assertThat(forms).isNotEmpty();
        for (Path form : forms) {
            assertThat(Files.readString(form)).as(form.toString()).doesNotContain("/api/").doesNotContain("/engine-rest/");
        }
    }

    @Test
    void everyFormOfACaseLinksToTheWholeCaseNearTheTop() throws IOException {
        List<Path> processes = files("processes", ".bpmn");
        assertThat(processes).isNotEmpty();
        for (Path process : processes) {
            String id = process.getFileName().toString().replace(".bpmn", "");
            assertThat(CASE_PAGES.containsKey(id) || NOT_A_CASE.contains(id))
                    .as("process %s: add its case page to CASE_PAGES (and a link to its forms), or it to NOT_A_CASE", id)
                    .isTrue();
            String link = CASE_PAGES.get(id);
            for (String formId : formsOf(process)) {
                JsonNode components = JSON.readTree(Path.of("forms", formId + ".form").toFile()).path("components");
                List<String> links = new ArrayList<>();
                components.forEach(c -> {
                    if ("text".equals(c.path("type").asText()) && c.path("text").asText().contains("href=\"/cases/")) {
                        links.add(c.path("text").asText());
                    }
                });
                if (link == null) {
                    assertThat(links).as("form %s of %s, which has no case page", formId, id).isEmpty();
                    continue;
                }
                assertThat(links).as("form %s of %s links to %s in a text component", formId, id, link).singleElement()
                        .satisfies(text -> assertThat(text).contains("href=\"" + link + "\"", "target=\"_blank\"",
                                "打开完整案卷"));
                assertThat(components.get(0).path("text").asText()).as("form %s: the link comes first", formId)
                        .contains(link);
            }
        }
    }

    private static List<String> formsOf(Path process) throws IOException {
        List<String> forms = new ArrayList<>();
        Matcher refs = FORM_REF.matcher(Files.readString(process));
        while (refs.find()) {
            forms.add(refs.group(1));
        }
        return forms;
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix)).toList();
        }
    }
}
