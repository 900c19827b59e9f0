package org.govshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.govshare.request.RequestsThroughTheSteps;
import org.govshare.catalog.CatalogEntries;
import org.govshare.request.SharingRequestBodies;
import org.govshare.support.Api.Response;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of activity for the supervision benchmarks: sharing requests, their replies (some late), grants, data
 * versions and audited reads (some refused), at the volumes of a city's year. One request, grant, read and refusal
 * of each kind is made through the API; the rest are copies of those rows with their dates, numbers and departments
 * changed, written with SQL into the real schema, so that every stored shape is the platform's own. The copied audit
 * events are appended unchained: the chainer links them as it would after a busy day.
 */
public final class YearOfActivity {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** What was generated, and how long writing it took. */
    public record Generated(int year, int requests, long reads, long refusals, List<String> resources, Duration took) {
    }

    private YearOfActivity() {
    }

    /**
     * Generates {@code requests} sharing requests (a third conditional, with a reply, a third of those late) and
     * {@code reads} audited reads of the year, one in a hundred refused, spread over its days and over every
     * administrative department as consumer.
     */
    public static Generated generate(Api api, JdbcTemplate jdbc, int year, int requests, long reads) {
        Instant started = Instant.now();
        String prefix = "SB" + String.valueOf(year).substring(2);
        // templates, made through the API: an unconditional hosted resource read once, a conditional one replied to
        String hosted = CatalogEntries.publish(api, "mzj.chen",
                CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        Response pushed = api.post("mzj.chen", "/api/data/" + hosted + "/records?mode=REPLACE",
                "[{\"统一社会信用代码\":\"51410100MJ0000001X\",\"组织名称\":\"郑州市志愿者协会\",\"法定代表人\":\"王芳\"}]");
        assertThat(pushed.status()).as(pushed.body()).isBetween(200, 201);
        Response granted = RequestsThroughTheSteps.ask(api, "gaj.zhang",
                SharingRequestBodies.request(hosted, "gaj.zhang", "统一社会信用代码", "组织名称").toString());
        assertThat(granted.json().path("status").asText()).as(granted.body()).isEqualTo("GRANTED");
        String unconditional = granted.json().path("id").asText();
        String grantId = granted.json().path("grantId").asText(unconditional);
        String purpose = SharingRequestBodies.request(hosted, "gaj.zhang").path("purpose").asText();
        Response read = api.get("gaj.zhang", "/api/data/" + hosted + "?purpose=" + java.net.URLEncoder.encode(purpose,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        Response refusedRead = api.get("gaj.zhang", "/api/data/" + hosted + "?purpose=other");
        assertThat(refusedRead.status()).as(refusedRead.body()).isEqualTo(403);

        String provided = CatalogEntries.publish(api, "gaj.wang",
                CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
        ObjectNode body = SharingRequestBodies.request(provided, "mzj.liu", "公民身份号码", "姓名");
        body.put("purpose", "最低生活保障申请家庭成员的身份核验");
        Response asked = RequestsThroughTheSteps.ask(api, "mzj.liu", body.toString());
        String conditional = asked.json().path("id").asText();
        Response replied = RequestsThroughTheSteps.reply(api, "gaj.wang", conditional, "{\"decision\":\"APPROVE\"}");
        assertThat(replied.status()).as(replied.body()).isBetween(200, 201);

        List<String> consumers = jdbc.queryForList(
                "select code from department where kind = 'ADMINISTRATIVE' order by code", String.class);
        jdbc.execute("create temporary table bench_consumer as select row_number() over (order by code) - 1 as n, code"
                + " from department where kind = 'ADMINISTRATIVE'");
        int departments = consumers.size();
        String start = year + "-01-01 09:00:00+08";

        // requests: every third a copy of the conditional one, its reply 1 to 20 days after it, due after 14
        jdbc.update("""
                insert into sharing_request (id, resource_code, resource_version, resource_name, provider_department,
                    applicant_department, requested_by, requested_at, items, purpose, duty, scenario, valid_from, valid_until,
                    officials, systems, status, eligibility, findings, rule_set_version, reply, reply_due, reminder_at,
                    reminded, overdue, grant_id, process_instance_id, closed_at)
                select ? || '-' || lpad(g::text, 6, '0'), t.resource_code, t.resource_version, t.resource_name,
                       t.provider_department, c.code, t.requested_by, at, t.items, t.purpose, t.duty, t.scenario,
                       (at)::date, (at)::date + 364, t.officials, t.systems, t.status, t.eligibility, t.findings,
                       t.rule_set_version,
                       case when t.reply is null then null else jsonb_set(t.reply::jsonb, '{decidedAt}',
                           to_jsonb(at + ((g % 20) + 1) * interval '1 day'))::text end,
                       case when t.reply is null then null else at + interval '14 days' end, null, false,
                       t.reply is not null and (g % 20) + 1 > 14, ? || '-' || lpad(g::text, 6, '0'), null,
                       at + case when t.reply is null then interval '1 second' else ((g % 20) + 1) * interval '1 day' end
                from generate_series(1, ?) g
                cross join lateral (select ?::timestamptz + ((g * 7919) % 365) * interval '1 day' as at) d
                join sharing_request t on t.id = case when g % 3 = 0 then ? else ? end
                join bench_consumer c on c.n = g % ?""",
                prefix + "-" + year, prefix + "-" + year, requests, start, conditional, unconditional, departments);
        jdbc.update("""
                insert into sharing_grant (id, consumer_department, provider_department, resource_code, resource_name, items,
                    purpose, duty, conditions, officials, systems, valid_from, valid_until, source_type, source_id,
                    issued_at, status, unmasked_items)
                select r.id, r.applicant_department, t.provider_department, t.resource_code, t.resource_name, t.items,
                       t.purpose, t.duty, t.conditions, t.officials, t.systems, r.valid_from, r.valid_until, t.source_type,
                       r.id, r.closed_at, t.status, t.unmasked_items
                from sharing_request r join sharing_grant t on t.id = ? where r.id like ?""",
                grantId, prefix + "-" + year + "-%");

        // reads: copies of the one read, each under one of the year's grants, one in a hundred a refused read instead
        long refusals = reads / 100;
        String readEvent = jdbc.queryForObject("select id from audit_event where action = 'DATA_ACCESSED'"
                + " and object_id = ? order by occurred_at desc limit 1", String.class, hosted);
        String refusalEvent = jdbc.queryForObject("select id from audit_event where outcome = 'REFUSED'"
                + " and actor = 'gaj.zhang' and object_id like ? order by occurred_at desc limit 1", String.class,
                "%" + hosted + "%");
        jdbc.update("""
                insert into audit_event (id, occurred_at, actor, actor_department, action, object_type, object_id, outcome,
                                         reason, correlation_id, details)
                select gen_random_uuid()::text, ?::timestamptz + (g % 365) * interval '1 day' + (g % 28800) * interval '1 second',
                       t.actor, r.applicant_department, t.action, t.object_type, t.object_id, t.outcome, t.reason,
                       t.correlation_id, case when t.details like '{%' and (t.details::jsonb -> 'grant') is not null
                           then jsonb_set(t.details::jsonb, '{grant}', to_jsonb(r.id))::text else t.details end
                from generate_series(1, ?) g
                join audit_event t on t.id = case when g % 100 = 0 then ? else ? end
                join sharing_request r on r.id = ? || '-' || lpad(((g % ?) + 1)::text, 6, '0')""",
                start, reads, refusalEvent, readEvent, prefix + "-" + year, requests);

        // data versions: the hosted resource pushed on the first of each month but one
        jdbc.update("""
                insert into dataset_version (resource_code, version, created_at, pushed_by, mode, added, changed, removed, total)
                select ?, 1000 + m, ?::timestamptz + (m - 1) * interval '1 month', 'mzj.chen', 'REPLACE', 1, 0, 0, 1
                from generate_series(1, 12) m where m <> 7""", hosted, start);
        return new Generated(year, requests, reads, refusals, List.of(hosted, provided),
                Duration.between(started, Instant.now()));
    }
}
