package org.govshare.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.flywaydb.core.Flyway;
import org.govshare.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * How long the detection's figures take for one day over a year of audited reads: 1,000,000 audit events spread over
 * 2026 (2% of them refused data reads, under four refusal rules), in a database of its own migrated by the platform's
 * migrations, on the test PostgreSQL. Each figure's query is run for a day in the middle of the year, warm, and the
 * plan of the refusal count is kept (it must read the day's range of the partial index, not the year). Run with
 * {@code ./mvnw verify -Pbenchmark -Dit.test=DetectionBenchmark}; figures go to {@code target/benchmarks/detection.json}.
 * Nothing is asserted about speed.
 */
class DetectionBenchmark {

    private static final int EVENTS = 1_000_000;
    private static final int RUNS = 20;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void oneDayOfFiguresOverAYearOfAuditedReads() throws IOException {
        DriverManagerDataSource db = new DriverManagerDataSource(TestInfrastructure.jdbcUrl("detection_benchmark"),
                TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
        Flyway.configure().dataSource(db).locations("classpath:db/migration").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        long loading = System.nanoTime();
        // one event every ~31.5 s through the year; every 50th a refused read of one of 200 resources by one of 20
        // departments, under one of four rules (three of which the figures count)
        jdbc.execute("""
                insert into audit_event (seq, id, occurred_at, actor, actor_department, action, object_type, object_id,
                                         outcome, reason, correlation_id, details, prev_hash, hash)
                select n, md5(n::text)::uuid::text,
                       timestamptz '2026-01-01 00:00:00+08' + (n * 31.536) * interval '1 second',
                       'official' || (n % 50), 'department-' || (n % 20),
                       case when n % 50 = 0 then 'ACCESS_DENIED' else 'DATA_READ' end, 'http-request',
                       'GET /api/data/101001/' || lpad((n % 200)::text, 6, '0'),
                       case when n % 50 = 0 then 'REFUSED' else 'OK' end,
                       case when n % 50 = 0 then (array['purpose-not-granted', 'items-outside-grant', 'no-grant',
                            'grant-expired'])[(n / 50) % 4 + 1] || ': refused' end,
                       md5(n::text), '{}', repeat('0', 64), repeat('0', 64)
                from generate_series(1, """ + EVENTS + ") n");
        jdbc.execute("analyze audit_event");
        long loaded = (System.nanoTime() - loading) / 1_000_000;

        FiguresStore store = new FiguresStore(jdbc);
        FiguresStore.Day day = FiguresStore.Day.of(LocalDate.of(2026, 7, 1), BEIJING, 7);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
        figures.put("auditEvents", EVENTS);
        figures.put("loadMillis", loaded);
        figures.put("refusalFactsOfTheDay", store.accessRefusals(day).size());
        figures.put("accessRefusalsMillis", median(() -> store.accessRefusals(day)));
        figures.put("allFiguresOfTheDayMillis", median(() -> {
            store.overdueReplies(day);
            store.overdueCorrections(day);
            store.unansweredConsultations(day);
            store.accessRefusals(day);
            store.throttledReads(day);
            store.repeatedCollections(day);
        }));
        figures.put("accessRefusalsPlan", jdbc.queryForList("""
                explain select count(*) from audit_event
                where action = 'ACCESS_DENIED' and occurred_at >= ? and occurred_at < ?""", String.class,
                java.sql.Timestamp.from(day.start()), java.sql.Timestamp.from(day.end())));

        Path out = Path.of("target/benchmarks/detection.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        System.out.println("BENCHMARK detection " + figures);
    }

    /** The median of {@link #RUNS} warm runs, in milliseconds (fractions kept). */
    private static double median(Runnable run) {
        run.run();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(Double::compare);
        return times.get(RUNS / 2);
    }
}
