package org.govshare.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.FormatCategory;
import org.govshare.catalog.SharingMethod;
import org.govshare.catalog.UpdateCycle;
import org.govshare.support.Api;
import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A full assessment over two years of activity (2024 and 2025) of three departments of its own (kh-alpha, kh-beta,
 * kh-gamma), written into the real schema as it would have been recorded then: catalog, data versions, requests,
 * error reports, grants, violations and rectifications, and audited reads and failed calls with their past times.
 * Every figure below was counted by hand from this fixture; the scores follow scoring.yaml by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualAssessmentIT extends IntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    AnnualAssessments annual;

    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper objectMapper;

    private static Timestamp at(String dateTime) {
        return Timestamp.from(ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), BEIJING).toInstant());
    }

    @BeforeAll
    void fixture() {
        for (String[] d : List.of(new String[] {"kh-alpha", "考核甲局"}, new String[] {"kh-beta", "考核乙局"},
                new String[] {"kh-gamma", "考核丙局"})) {
            jdbc.update("insert into department (code, name_zh, name_en, tier, region_code, kind) values (?, ?, ?, 'MUNICIPAL', '410100', 'ADMINISTRATIVE') on conflict do nothing",
                    d[0], d[1], d[0]);
        }
        // code, department, sharing type, cycle, method, legal basis, first published, status
        resource("KHA-1", "kh-alpha", "UNCONDITIONAL", "MONTHLY", "HOSTED_DATASET", null, "2024-06-01T10:00");
        resource("KHA-2", "kh-alpha", "NON_SHARING", "YEARLY", "HOSTED_DATASET", "《中华人民共和国保守国家秘密法》", "2024-01-10T10:00");
        resource("KHA-3", "kh-alpha", "NON_SHARING", "YEARLY", "HOSTED_DATASET", null, "2025-03-01T10:00");
        resource("KHB-1", "kh-beta", "CONDITIONAL", "QUARTERLY", "HOSTED_DATASET", null, "2023-12-01T10:00");
        resource("KHB-2", "kh-beta", "UNCONDITIONAL", "REAL_TIME", "PROVIDER_SERVICE", null, "2024-02-01T10:00");
        resource("KHG-1", "kh-gamma", "UNCONDITIONAL", "YEARLY", "HOSTED_DATASET", null, "2024-05-01T10:00");
        jdbc.update("""
                insert into provider_service (resource_code, provider_department, url, parameters, timeout_millis,
                    credential_type, registered_by, registered_at) values ('KHB-2', 'kh-beta', 'http://127.0.0.1:1/x', '[]', 1000, 'NONE', 'kh', now())""");
        // monthly KHA-1 misses April and September 2025; every hosted resource has its cycle, shared or not
        versions("KHA-1", "2024-06-15", "2024-07-15", "2025-01-10", "2025-02-10", "2025-03-10", "2025-05-10", "2025-06-10",
                "2025-07-10", "2025-08-10", "2025-10-10", "2025-11-10", "2025-12-10");
        versions("KHA-2", "2024-03-01", "2025-03-01");
        versions("KHA-3", "2025-04-01");
        versions("KHB-1", "2024-01-05", "2024-04-05", "2024-07-05", "2024-10-05", "2025-01-05", "2025-04-05", "2025-12-05");
        versions("KHG-1", "2025-07-01");

        // sharing requests: id, provider, requested, closed, overdue, replied by
        request("KHR-25-1", "kh-alpha", "2025-03-03T09:00", "2025-03-05T16:00", false, "PROVIDER");
        request("KHR-25-2", "kh-alpha", "2025-03-10T09:00", "2025-03-14T16:00", false, "PROVIDER");
        request("KHR-25-3", "kh-alpha", "2025-04-01T09:00", "2025-04-21T16:00", true, "AUTHORITY");
        request("KHR-25-4", "kh-beta", "2025-06-09T09:00", "2025-06-10T16:00", false, "PROVIDER");
        request("KHR-24-1", "kh-beta", "2024-09-02T09:00", "2024-09-25T16:00", true, "AUTHORITY");

        correction("KHE-25-1", "kh-beta", "2025-05-10T23:59", false, "CORRECTED");
        correction("KHE-25-2", "kh-beta", "2025-08-01T23:59", true, null);

        // grants: id, consumer, provider, resource, valid from, until, issued
        grant("KHG-B1", "kh-beta", "kh-alpha", "KHA-1", "2025-01-01", "2025-12-31", "2024-12-20T10:00");
        grant("KHG-G1", "kh-gamma", "kh-alpha", "KHA-1", "2025-01-01", "2025-12-31", "2024-12-20T10:00");
        grant("KHG-A1", "kh-alpha", "kh-beta", "KHB-2", "2025-01-01", "2025-12-31", "2024-12-20T10:00");
        grant("KHG-A2", "kh-alpha", "kh-beta", "KHB-2", "2025-02-01", "2025-06-30", "2025-01-20T10:00");
        grant("KHG-A3", "kh-alpha", "kh-gamma", "KHG-1", "2024-03-01", "2024-12-31", "2024-03-01T10:00");

        reads("KHA-1", "kh-beta", "KHG-B1", 3, "2025-04-01T10:00");
        reads("KHA-1", "kh-gamma", "KHG-G1", 2, "2025-05-01T10:00");
        reads("KHA-1", "kh-alpha", null, 1, "2025-05-02T10:00");
        reads("KHB-2", "kh-alpha", "KHG-A1", 4, "2025-06-01T10:00");
        reads("KHG-1", "kh-alpha", "KHG-A3", 2, "2024-08-01T10:00");
        // one read of KHB-2 that failed because the provider's service did not answer, and one outside the years
        event("REQUEST_FAILED", "http-request", "GET /api/data/KHB-2", "FAILED", "kh-alpha", "2025-06-02T10:00", "{\"status\":502}");
        reads("KHA-1", "kh-beta", "KHG-B1", 7, "2026-01-01T00:00");

        violation("KHV-25-1", "kh-alpha", "MANUAL", "RECTIFIED", "2025-03-20");
        violation("KHV-25-2", "kh-alpha", "MANUAL", "RECTIFYING", "2025-04-20");
        violation("KHV-25-3", "kh-alpha", "AUTOMATIC", "SUSPECTED", "2025-05-20");
        violation("KHV-25-4", "kh-beta", "COMPLAINT", "OPEN", "2025-06-20");
        violation("KHV-25-5", "kh-beta", "COMPLAINT", "DISMISSED", "2025-07-20");
        violation("KHV-25-6", "kh-gamma", "MANUAL", "RECTIFIED", "2025-05-25");
        rectification("KHZ-25-1", "KHV-25-1", "kh-alpha", "RECTIFIED", "2025-05-20T23:59", "2025-05-10T10:00");
        rectification("KHZ-25-2", "KHV-25-2", "kh-alpha", "AWAITING_REPORT", "2025-06-20T23:59", null);
        rectification("KHZ-25-3", "KHV-25-6", "kh-gamma", "RECTIFIED", "2025-07-01T23:59", "2025-07-05T10:00");

        submission("KHS-1", "kh-alpha");
        submission("KHS-2", "kh-gamma");
        event("CATALOG_RETURNED", "catalog-submission", "KHS-1", "OK", null, "2025-03-03T10:00", "{}");
        event("CATALOG_RESUBMITTED", "catalog-submission", "KHS-1", "OK", "kh-alpha", "2025-03-07T10:00", "{}");
        event("CATALOG_RETURNED", "catalog-submission", "KHS-2", "OK", null, "2025-11-03T10:00", "{}");
        event("CATALOG_RESUBMITTED", "catalog-submission", "KHS-2", "OK", "kh-gamma", "2025-12-15T10:00", "{}");
        auditChainer.chainPending();
        // retired today, after the years assessed: the daily supervision other tests run on this database judges only
        // published resources, and would otherwise find these years-old datasets late and record it in their years
        jdbc.update("update catalog_resource set status = 'RETIRED', updated_at = now() where code like 'KH_-%'");
    }

    @Test
    void everyFigureOf2025IsWhatTheFixtureHolds() {
        AssessmentReport report = annual.compute(2025);
        // key, value (null: nothing to measure), cases behind it
        expect(report, "kh-alpha", """
                resources-unconditional 1 KHA-1
                resources-conditional 0
                resources-non-sharing 2 KHA-2,KHA-3
                non-sharing-with-legal-basis 0.5 KHA-3
                catalog-revisions-on-time 1
                requests-answered-on-time 0.6667 KHR-25-3
                median-reply-working-days 3
                update-cycles-met 0.8571 KHA-1
                service-availability null
                corrections-on-time null
                data-reads 5
                data-consumers 2 kh-beta,kh-gamma
                grants-used 0.5 KHG-A2
                violations-recorded 2 KHV-25-1,KHV-25-2
                violations-rectified 0.5 KHV-25-2
                violations-rectified-on-time 0.5 KHV-25-2
                complaints-substantiated 0""");
        expect(report, "kh-beta", """
                resources-unconditional 1 KHB-2
                resources-conditional 1 KHB-1
                resources-non-sharing 0
                non-sharing-with-legal-basis null
                catalog-revisions-on-time null
                requests-answered-on-time 1
                median-reply-working-days 1
                update-cycles-met 0.75 KHB-1
                service-availability 0.8 KHB-2
                corrections-on-time 0.5 KHE-25-2
                data-reads 4
                data-consumers 1 kh-alpha
                grants-used 1
                violations-recorded 1 KHV-25-4
                violations-rectified null
                violations-rectified-on-time null
                complaints-substantiated 1 KHV-25-4""");
        expect(report, "kh-gamma", """
                resources-unconditional 1 KHG-1
                resources-conditional 0
                resources-non-sharing 0
                non-sharing-with-legal-basis null
                catalog-revisions-on-time 0 KHS-2
                requests-answered-on-time null
                median-reply-working-days null
                update-cycles-met 1
                service-availability null
                corrections-on-time null
                data-reads 0
                data-consumers 0
                grants-used 1
                violations-recorded 1 KHV-25-6
                violations-rectified 1
                violations-rectified-on-time 0 KHV-25-6
                complaints-substantiated 0""");
        // by hand from scoring.yaml (nothing to measure is left out and the rest rescaled to 100; reads and consumers
        // relative to kh-alpha's 5 and 2, the best of the year; the median at or under 3 working days scores full)
        // alpha: 2.5 + 5 + 13.33 + 5 + 12.86 + 5 + 5 + 2.5 + 2.5 + 2.5 + 5 (cycles: 12 of 14 periods) = 61.19 of the
        // 80 measured (no service, no correction): 76.49
        assertThat(result(report, "kh-alpha").score()).isEqualByComparingTo("76.49");
        // beta: 20 + 5 + 11.25 + 8 + 5 + 4 + 2.5 + 5 + 2.5 = 63.25 of the 80 measured (no non-sharing resource, no
        // catalog revision, no rectification): 79.06
        assertThat(result(report, "kh-beta").score()).isEqualByComparingTo("79.06");
        // gamma: 0 + 15 + 0 + 0 + 5 + 5 + 0 + 5 = 30 of the 50 measured (no non-sharing resource, no request, no
        // median, no service, no correction): 60.00
        assertThat(result(report, "kh-gamma").score()).isEqualByComparingTo("60.00");
        assertThat(result(report, "kh-beta").rank()).isLessThan(result(report, "kh-alpha").rank());
        assertThat(result(report, "kh-alpha").rank()).isLessThan(result(report, "kh-gamma").rank());
        assertThat(result(report, "kh-alpha").figures().get("requests-answered-on-time").score()).isEqualByComparingTo("13.33");
    }

    @Test
    void everyFigureOf2024IsWhatTheFixtureHolds() {
        AssessmentReport report = annual.compute(2024);
        expect(report, "kh-alpha", """
                resources-unconditional 1 KHA-1
                resources-conditional 0
                resources-non-sharing 1 KHA-2
                non-sharing-with-legal-basis 1
                catalog-revisions-on-time null
                requests-answered-on-time null
                median-reply-working-days null
                update-cycles-met 0.375 KHA-1
                service-availability null
                corrections-on-time null
                data-reads 0
                data-consumers 0
                grants-used 1
                violations-recorded 0
                violations-rectified null
                violations-rectified-on-time null
                complaints-substantiated 0""");
        expect(report, "kh-beta", """
                resources-unconditional 1 KHB-2
                resources-conditional 1 KHB-1
                resources-non-sharing 0
                non-sharing-with-legal-basis null
                catalog-revisions-on-time null
                requests-answered-on-time 0 KHR-24-1
                median-reply-working-days null
                update-cycles-met 1
                service-availability null
                corrections-on-time null
                data-reads 0
                data-consumers 0
                grants-used null
                violations-recorded 0
                violations-rectified null
                violations-rectified-on-time null
                complaints-substantiated 0""");
        expect(report, "kh-gamma", """
                resources-unconditional 1 KHG-1
                resources-conditional 0
                resources-non-sharing 0
                non-sharing-with-legal-basis null
                catalog-revisions-on-time null
                requests-answered-on-time null
                median-reply-working-days null
                update-cycles-met 0 KHG-1
                service-availability null
                corrections-on-time null
                data-reads 2
                data-consumers 1 kh-alpha
                grants-used null
                violations-recorded 0
                violations-rectified null
                violations-rectified-on-time null
                complaints-substantiated 0""");
    }

    @Test
    void theAuthorityStartsReviewsAndPublishes2025AndTheStoredHashIsAudited() {
        assertRefusedAndAudited(api.post("gaj.wang", "/api/assessments", "{\"year\":2025}"), 403, null, null);
        assertRefusedAndAudited(api.post("authority.li", "/api/assessments", "{\"year\":2099}"), 400, "year", "past-years-only");
        Api.Response started = api.post("authority.li", "/api/assessments", "{\"year\":2025}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String number = started.json().path("id").asText();
        assertRefusedAndAudited(api.post("authority.li", "/api/assessments", "{\"year\":2025}"), 409, "year", "one-assessment-per-year");

        assertRefusedAndAudited(api.get("gaj.wang", "/api/assessments/2025/draft"), 403, null, null);
        Api.Response draft = api.get("supervisor.qian", "/api/assessments/2025/draft");
        assertThat(draft.status()).isEqualTo(200);
        assertRefusedAndAudited(api.put("authority.li", "/api/assessments/2025/draft/departments/kh-alpha", "application/json",
                "{\"opinion\":\"好\",\"notes\":{\"my-own-score\":\"100\"}}"), 400, "notes.my-own-score", "unknown-indicator");
        Api.Response figures = api.put("authority.li", "/api/assessments/2025/draft/departments/kh-alpha", "application/json",
                "{\"opinion\":\"好\",\"figures\":{\"data-reads\":1000}}");
        assertThat(figures.status()).as(figures.body()).isEqualTo(400);
        assertThat(figures.body()).contains("figures");

        String taskQuery = "/engine-rest/task?processInstanceBusinessKey=" + number;
        String taskId = api.get("authority.li", taskQuery).json().get(0).path("id").asText();
        Api.Response early = api.post("authority.li", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"reviewConfirmed\":{\"value\":true}}}");
        assertRefusedAndAudited(early, 400, "opinion", "opinion-for-every-department");

        draft.json().path("departments").forEach(d -> assertThat(api.put("authority.li", "/api/assessments/2025/draft/departments/"
                + d.path("department").asText(), "application/json", "{\"opinion\":\"按期整改 rectify on time\","
                + "\"improvements\":[\"按周期更新数据\"],\"notes\":{\"update-cycles-met\":\"四月、九月未更新\"}}").status()).isEqualTo(200));
        Api.Response done = api.post("authority.li", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"reviewConfirmed\":{\"value\":true}}}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        String sha256 = jdbc.queryForObject("select sha256 from assessment_report where year = 2025", String.class);
        auditChainer.chainPending();
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'ASSESSMENT_PUBLISHED' and object_id = '2025'",
                String.class)).contains(sha256);
        String stored = jdbc.queryForObject("select report from assessment_report where year = 2025", String.class);
        assertThat(stored).contains("四月、九月未更新").contains("\"data-reads\"");
        assertThat(jdbc.queryForObject("select status from assessment where year = 2025", String.class)).isEqualTo("PUBLISHED");
    }

    // ---- the fixture's rows ----

    /**
     * A catalog resource as the platform stores one: the whole entry in its version's content, so that every feature
     * reading the catalog on the shared database reads it.
     */
    private void resource(String code, String department, String sharingType, String cycle, String method, String law,
                          String published) {
        CatalogEntry entry = new CatalogEntry(code, "考核资源 " + code, "an assessment fixture", department, department,
                "考核 (fixture)", ResourceKind.PROFESSIONAL, new CatalogEntry.Classification("2", "03", "001"),
                new CatalogEntry.Format(FormatCategory.STRUCTURED_TABLE, "table"),
                List.of(new CatalogEntry.DataItem("编号", "string", 20, Sensitivity.PUBLIC)), SharingType.valueOf(sharingType),
                null, List.of(), law == null ? null : new CatalogEntry.LegalBasis(law, "第二条"), SharingMethod.valueOf(method),
                false, null, UpdateCycle.valueOf(cycle), null, List.of(), null, null);
        jdbc.update("""
                insert into catalog_resource (code, status, current_version, name, provider_department, kind, sharing_type,
                    update_cycle, tier, region_code, search_text, updated_at)
                values (?, 'PUBLISHED', 1, ?, ?, 'PROFESSIONAL', ?, ?, 'MUNICIPAL', '410100', '', ?)""",
                code, entry.name(), department, sharingType, cycle, at(published));
        jdbc.update("""
                insert into catalog_version (code, version, change_kind, content, published_at, approved_by, submission_id)
                values (?, 1, 'NEW', ?, ?, 'authority.li', ?)""", code, json(entry), at(published), UUID.randomUUID().toString());
    }

    private String json(CatalogEntry entry) {
        try {
            return objectMapper.writeValueAsString(entry);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void versions(String code, String... days) {
        jdbc.update("insert into hosted_dataset (resource_code, current_version, record_count) values (?, ?, 1)", code, days.length);
        for (int i = 0; i < days.length; i++) {
            jdbc.update("""
                    insert into dataset_version (resource_code, version, created_at, pushed_by, mode, added, changed, removed, total)
                    values (?, ?, ?, 'kh', 'REPLACE', 1, 0, 0, 1)""", code, i + 1, at(days[i] + "T12:00"));
        }
    }

    private void request(String id, String provider, String requested, String closed, boolean overdue, String by) {
        jdbc.update("""
                insert into sharing_request (id, resource_code, resource_version, resource_name, provider_department,
                    applicant_department, requested_by, requested_at, items, purpose, duty, scenario, valid_from, valid_until,
                    officials, systems, status, findings, reply, reply_due, overdue, closed_at)
                values (?, 'KHA-1', 1, 'x', ?, 'kh-gamma', 'kh', ?, '[]', 'p', '{}', 'ADMINISTRATIVE_APPROVAL', ?, ?, '[]', '[]',
                    'GRANTED', '[]', ?, ?, ?, ?)""",
                id, provider, at(requested), LocalDate.parse(requested.substring(0, 10)), LocalDate.parse(requested.substring(0, 10)).plusDays(30),
                "{\"by\":\"" + by + "\"}", Timestamp.from(at(requested).toInstant().plus(java.time.Duration.ofDays(14))),
                overdue, at(closed));
    }

    private void correction(String id, String provider, String due, boolean overdue, String outcome) {
        jdbc.update("""
                insert into error_report (id, resource_code, resource_name, provider_department, reporter_department, reported_by,
                    reported_at, data_version, record_key, key_values, item, problem, evidence_name, evidence_type, evidence_size,
                    evidence, status, verification_due, overdue, outcome)
                values (?, 'KHB-1', 'x', ?, 'kh-alpha', 'kh', ?, 1, 'k', '{}', 'i', 'p', 'e.pdf', 'application/pdf', 1, ?, ?, ?, ?, ?)""",
                id, provider, at(due), new byte[] {1}, outcome == null ? "IN_VERIFICATION" : "CLOSED", at(due), overdue, outcome);
    }

    private void grant(String id, String consumer, String provider, String code, String from, String until, String issued) {
        jdbc.update("""
                insert into sharing_grant (id, consumer_department, provider_department, resource_code, resource_name, items,
                    purpose, duty, conditions, officials, systems, valid_from, valid_until, source_type, source_id, issued_at, status)
                values (?, ?, ?, ?, 'x', '[]', 'p', '{}', '[]', '[]', '[]', ?, ?, 'REQUEST', ?, ?, 'ACTIVE')""",
                id, consumer, provider, code, LocalDate.parse(from), LocalDate.parse(until), id, at(issued));
    }

    private void reads(String code, String reader, String grant, int count, String when) {
        for (int i = 0; i < count; i++) {
            event("DATA_ACCESSED", "resource", code, "OK", reader, when, grant == null ? "{}" : "{\"grant\":\"" + grant + "\"}");
        }
    }

    private void event(String action, String objectType, String objectId, String outcome, String department, String when,
                       String details) {
        jdbc.update("""
                insert into audit_event (id, occurred_at, actor, actor_department, action, object_type, object_id, outcome,
                    correlation_id, details) values (?, ?, 'kh.fixture', ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(), at(when), department, action, objectType, objectId, outcome,
                UUID.randomUUID().toString(), details);
    }

    private void violation(String id, String department, String source, String status, String day) {
        jdbc.update("""
                insert into violation (id, department, type, article, description, evidence_type, evidence_id, occurred_at,
                    recorded_at, source, recorded_by, status, subject, occurred_on)
                values (?, ?, 'DELAYED_REPLY', '33(iii)', 'd', 'case', ?, ?, ?, ?, 'kh', ?, ?, ?)""",
                id, department, id, at(day + "T10:00"), at(day + "T10:00"), source, status, id, LocalDate.parse(day));
    }

    private void rectification(String id, String violation, String department, String status, String due, String reported) {
        jdbc.update("""
                insert into rectification (id, violation_id, department, status, attempt, report_due, started_by, started_at)
                values (?, ?, ?, ?, 1, ?, 'authority.li', ?)""", id, violation, department, status, at(due), at(due));
        if (reported != null) {
            jdbc.update("""
                    insert into rectification_step (rectification_id, seq, kind, actor, recorded_at)
                    values (?, 1, 'REPORT', 'kh', ?)""", id, at(reported));
        }
    }

    private void submission(String id, String department) {
        jdbc.update("""
                insert into catalog_submission (id, code, kind, department, submitted_by, submitted_at, status, content,
                    findings, updated_at) values (?, ?, 'CHANGE', ?, 'kh', now(), 'IN_REVIEW', '{}', '[]', now())""",
                id, id, department);
    }

    private static AssessmentReport.DepartmentResult result(AssessmentReport report, String department) {
        return report.departments().stream().filter(d -> d.department().equals(department)).findFirst().orElseThrow();
    }

    /** Lines "key value [case,case]", value {@code null} when there was nothing to measure. */
    private static void expect(AssessmentReport report, String department, String lines) {
        AssessmentReport.DepartmentResult result = result(report, department);
        assertThat(result.figures()).hasSize(17);
        for (String line : lines.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            AssessmentReport.Figure figure = result.figures().get(parts[0]);
            assertThat(figure).as(department + " " + parts[0]).isNotNull();
            if (parts[1].equals("null")) {
                assertThat(figure.value()).as(department + " " + parts[0]).isNull();
            } else {
                assertThat(figure.value()).as(department + " " + parts[0]).isEqualByComparingTo(new BigDecimal(parts[1]));
            }
            List<String> cases = parts.length > 2 ? Arrays.asList(parts[2].split(",")) : List.of();
            assertThat(figure.cases()).as(department + " " + parts[0] + " cases").containsExactlyElementsOf(cases);
        }
    }
}
