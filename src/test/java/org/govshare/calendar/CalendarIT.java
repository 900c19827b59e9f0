package org.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The official calendar over HTTP, on PostgreSQL: the authority loads a year, every official reads it, deadlines
 * count it at once; a bad schedule and a caller who is not the authority are refused and nothing is stored. The
 * years used (2035 to 2037) are far enough ahead that no other test counts a deadline in them, and their
 * schedules are made up for the tests, not official.
 */
class CalendarIT extends IntegrationTest {

    private static final String YAML = "application/yaml";

    /** Mon 5 to Wed 7 March off, Sat 10 March worked. */
    private static final String SCHEDULE_2035 = """
            # made up for the tests, not an official notice
            year: 2035
            source:
              title: 国务院办公厅关于2035年部分节假日安排的通知（测试）
              number: 测试〔2034〕1号
              published: 2034-11-01
            holidays:
              - name: 测试假日 Test holiday
                from: 2035-03-05
                to: 2035-03-07
                makeUpWorkingDays: [2035-03-10]
            """;

    @Autowired
    WorkdayCalendar workdays;

    private long storedYears(int year) {
        return jdbc.queryForObject("select count(*) from working_calendar where calendar_year = ?", Long.class, year);
    }

    @Test
    void theAuthorityLoadsAYearAndEveryDeadlineCountedAfterwardsFollowsIt() {
        assertThat(workdays.isWorkingDay(LocalDate.of(2035, 3, 5))).as("before loading: an ordinary Monday").isTrue();

        Response loaded = api.put("authority.li", "/api/calendar/2035", YAML, SCHEDULE_2035);

        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().path("inForce").asText()).isEqualTo("LOADED");
        assertThat(storedYears(2035)).isOne();
        assertThat(workdays.isWorkingDay(LocalDate.of(2035, 3, 5))).isFalse();
        assertThat(workdays.isWorkingDay(LocalDate.of(2035, 3, 10))).as("the make-up Saturday").isTrue();
        // Fri 2 March: Mon 5 to Wed 7 are off, Thu 8 and Fri 9 are days 1 and 2, Sat 10 (worked) is day 3
        assertThat(workdays.addWorkingDays(LocalDate.of(2035, 3, 2), 3)).isEqualTo(LocalDate.of(2035, 3, 10));

        JsonNode shown = api.get("gaj.zhang", "/api/calendar/2035").json();
        assertThat(shown.path("inForce").asText()).isEqualTo("LOADED");
        assertThat(shown.path("loadedBy").asText()).isEqualTo("authority.li");
        assertThat(shown.path("loadedAt").asText()).isNotBlank();
        assertThat(shown.path("schedule").path("holidays").get(0).path("from").asText()).isEqualTo("2035-03-05");
        assertThat(shown.path("schedule").path("source").path("number").asText()).isEqualTo("测试〔2034〕1号");

        List<Map<String, Object>> events = auditEventsOf(loaded.correlationId());
        assertThat(events).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("action", "CALENDAR_LOADED").containsEntry("actor", "authority.li")
                .containsEntry("object_id", "2035").containsEntry("outcome", "OK"));
        assertThat((String) events.get(0).get("details")).contains("\"replaced\":\"none\"", "\"makeUpWorkingDays\":1");
    }

    @Test
    void aYearLoadedAgainReplacesTheEarlierLoadAndMayComeAsJson() {
        String json = """
                {"year": 2037, "source": {"title": "国务院办公厅关于2037年部分节假日安排的通知（测试）"},
                 "holidays": [{"name": "测试 Test", "from": "2037-05-04"}]}""";
        assertThat(api.put("authority.li", "/api/calendar/2037", "application/json", json).status()).isEqualTo(200);
        assertThat(workdays.isWorkingDay(LocalDate.of(2037, 5, 4))).isFalse();

        Response again = api.put("authority.li", "/api/calendar/2037", "text/yaml", """
                year: 2037
                source: {title: 国务院办公厅关于2037年部分节假日安排的通知（测试，更正）}
                holidays:
                  - {name: 测试 Test, from: 2037-05-05, makeUpWorkingDays: [2037-05-02]}
                """);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(storedYears(2037)).isOne();
        assertThat(workdays.isWorkingDay(LocalDate.of(2037, 5, 4))).as("the first load's holiday").isTrue();
        assertThat(workdays.isWorkingDay(LocalDate.of(2037, 5, 2))).as("a worked Saturday").isTrue();
        assertThat((String) auditEventsOf(again.correlationId()).get(0).get("details")).contains("\"replaced\":\"LOADED\"");
    }

    @Test
    void theYearInForceSaysWhereItCameFrom() {
        JsonNode packaged = api.get("mzj.liu", "/api/calendar/2026").json();
        assertThat(packaged.path("inForce").asText()).isEqualTo("PACKAGED");
        assertThat(packaged.path("schedule").path("source").path("number").asText()).isEqualTo("国办发明电〔2025〕7号");

        JsonNode none = api.get("mzj.liu", "/api/calendar/2040").json();
        assertThat(none.path("inForce").asText()).isEqualTo("NONE");
        assertThat(none.path("message").asText()).contains("weekends only", "PUT /api/calendar/2040");
    }

    @Test
    void eachBrokenRuleIsRefusedNamingFieldAndRuleAndNothingIsStored() {
        Map<String, List<String>> refusals = Map.of(
                SCHEDULE_2035.replace("2035-03-10", "2035-03-09"),
                List.of("holidays[0].makeUpWorkingDays[0]", "make-up-day-on-weekend"),
                SCHEDULE_2035.replace("2035-03-07", "2036-01-02"),
                List.of("holidays[0].to", "holiday-in-year"),
                SCHEDULE_2035.replace("[2035-03-10]", "[2036-03-08]"),
                List.of("holidays[0].makeUpWorkingDays[0]", "make-up-day-in-year"),
                SCHEDULE_2035.replace("2035-03-07", "2035-03-11").replace("[2035-03-10]", "[2035-03-11]"),
                List.of("holidays[0].makeUpWorkingDays[0]", "holiday-or-make-up-day"),
                SCHEDULE_2035.replace("  title: 国务院办公厅关于2035年部分节假日安排的通知（测试）\n", ""),
                List.of("source.title", "required"),
                SCHEDULE_2035.replace("from: 2035-03-05", "from: 5 March"),
                List.of("holidays[0].from", "invalid-format"),
                SCHEDULE_2035.replace("holidays:", "holidayz:"),
                List.of("holidayz", "unknown-field"));

        refusals.forEach((body, expected) -> {
            Response refused = api.put("authority.li", "/api/calendar/2035", YAML, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().path("errors")).as(refused.body()).anySatisfy(error -> {
                assertThat(error.path("field").asText()).isEqualTo(expected.get(0));
                assertThat(error.path("rule").asText()).isEqualTo(expected.get(1));
            });
            assertThat(auditEventsOf(refused.correlationId())).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("action", "INPUT_REJECTED"));
        });

        Response wrongYear = api.put("authority.li", "/api/calendar/2036", YAML, SCHEDULE_2035);
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.json().path("errors").get(0).path("field").asText()).isEqualTo("year");
        assertThat(wrongYear.json().path("errors").get(0).path("rule").asText()).isEqualTo("year-matches-path");
        assertThat(storedYears(2036)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CALENDAR_LOADED' and object_id = '2036'",
                Long.class)).isZero();
    }

    @Test
    void malformedYamlIsRefusedWithItsLineAndColumn() {
        Response refused = api.put("authority.li", "/api/calendar/2036", YAML, """
                year: 2036
                source:
                  title: "unclosed
                holidays: []
                """);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:govshare:problem:malformed-yaml");
        assertThat(refused.json().path("detail").asText()).as(refused.body()).containsPattern("line 3, column \\d+");
        assertThat(storedYears(2036)).isZero();
    }

    @Test
    void onlyTheSharingAuthorityLoadsAYear() {
        Response denied = api.put("gaj.zhang", "/api/calendar/2036", YAML, """
                year: 2036
                source: {title: 国务院办公厅关于2036年部分节假日安排的通知（测试）}
                holidays: [{name: 测试 Test, from: 2036-03-10}]
                """);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(storedYears(2036)).isZero();
        assertThat(api.get("gaj.zhang", "/api/calendar/2036").json().path("inForce").asText()).isEqualTo("NONE");
        assertThat(auditEventsOf(denied.correlationId())).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "ACCESS_DENIED").containsEntry("actor", "gaj.zhang"));
    }

    @Test
    void healthShowsTheCalendarWithoutTakingThePlatformDown() {
        JsonNode health = api.get("authority.li", "/actuator/health").json();

        JsonNode calendar = health.path("components").path("calendar");
        assertThat(calendar.path("status").asText()).isEqualTo("UP");
        assertThat(calendar.path("details").has("currentYear")).isTrue();
        assertThat(calendar.path("details").has("scheduleMissing")).isTrue();
    }
}
