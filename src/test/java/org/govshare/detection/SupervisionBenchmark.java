package org.govshare.detection;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.govshare.assessment.AnnualAssessments;
import org.govshare.assessment.AssessmentReport;
import org.govshare.support.IntegrationTest;
import org.govshare.support.YearOfActivity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the daily detection and the annual assessment take over a year of activity (10,000 sharing requests,
 * 1,000,000 audited reads: {@link YearOfActivity}), on the platform as it runs: the whole daily run (rounds, every
 * figure, the rules, recording what they find, starting reviews) for each day of the year, and the assessment's
 * computation of the year. Each against a bare alternative in the same run: one pass over the same rows with no
 * rule, figure or record (counting the day's, or the year's, audit events and requests). Memory is the bytes the run
 * allocated on its thread and the heap in use after it. Run with
 * {@code ./mvnw verify -Pbenchmark -Dit.test=SupervisionBenchmark}; figures go to
 * {@code target/benchmarks/supervision.json}. Nothing is asserted about speed.
 */
class SupervisionBenchmark extends IntegrationTest {

    private static final int YEAR = 2022;
    private static final int REQUESTS = 10_000;
    private static final long READS = 1_000_000;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Detection detection;

    @Autowired
    AnnualAssessments assessments;

    @Test
    void detectAndAssessAYear() throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        YearOfActivity.Generated year = YearOfActivity.generate(api, jdbc, YEAR, REQUESTS, READS);
        figures.put("generated", Map.of("requests", year.requests(), "reads", year.reads(), "refusedReads",
                year.refusals(), "writeMillis", year.took().toMillis()));
        figures.put("chainerCatchUpMillis", chained());
        jdbc.execute("analyze");

        // the daily run, every day of the year in order, as a year of nights would run it
        List<Double> dayMillis = new ArrayList<>();
        List<Long> dayBytes = new ArrayList<>();
        int findings = 0;
        for (LocalDate day = LocalDate.of(YEAR, 1, 1); day.getYear() == YEAR; day = day.plusDays(1)) {
            LocalDate on = day;
            Measured<Detection.Summary> run = measure(() -> detection.runFor(on));
            dayMillis.add(run.millis());
            dayBytes.add(run.allocated());
            findings += run.value().findings();
        }
        List<Double> bareDayMillis = new ArrayList<>();
        for (int d = 0; d < 365; d += 7) {
            LocalDate day = LocalDate.of(YEAR, 1, 1).plusDays(d);
            bareDayMillis.add(measure(() -> bareDay(day)).millis());
        }
        Map<String, Object> daily = new LinkedHashMap<>();
        daily.put("days", dayMillis.size());
        daily.put("findings", findings);
        daily.put("medianMillis", percentile(dayMillis, 50));
        daily.put("p90Millis", percentile(dayMillis, 90));
        daily.put("maxMillis", percentile(dayMillis, 100));
        daily.put("yearTotalSeconds", dayMillis.stream().mapToDouble(Double::doubleValue).sum() / 1000);
        daily.put("medianAllocatedMiB", percentile(dayBytes.stream().map(b -> b / 1048576.0).toList(), 50));
        daily.put("maxAllocatedMiB", percentile(dayBytes.stream().map(b -> b / 1048576.0).toList(), 100));
        daily.put("bareMedianMillis", percentile(bareDayMillis, 50));
        daily.put("ratioToBare", percentile(dayMillis, 50) / percentile(bareDayMillis, 50));
        figures.put("dailyDetection", daily);

        List<Double> yearMillis = new ArrayList<>();
        List<Long> yearBytes = new ArrayList<>();
        int departments = 0;
        for (int i = 0; i < 3; i++) {
            Measured<AssessmentReport> computed = measure(() -> assessments.compute(YEAR));
            yearMillis.add(computed.millis());
            yearBytes.add(computed.allocated());
            departments = computed.value().departments().size();
        }
        List<Double> bareYearMillis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bareYearMillis.add(measure(this::bareYear).millis());
        }
        Map<String, Object> annual = new LinkedHashMap<>();
        annual.put("departments", departments);
        annual.put("firstMillis", yearMillis.get(0));
        annual.put("medianMillis", percentile(yearMillis, 50));
        annual.put("medianAllocatedMiB", percentile(yearBytes.stream().map(b -> b / 1048576.0).toList(), 50));
        annual.put("bareMedianMillis", percentile(bareYearMillis, 50));
        annual.put("ratioToBare", percentile(yearMillis, 50) / percentile(bareYearMillis, 50));
        figures.put("annualAssessment", annual);
        System.gc();
        figures.put("heapInUseAfterMiB", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576);

        Path out = Path.of("target/benchmarks/supervision.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        System.out.println("BENCHMARK supervision " + figures);
    }

    /** Waits until the chainer has linked every generated event (measured: it is part of a busy year's cost). */
    private long chained() {
        long started = System.nanoTime();
        while (jdbc.queryForObject("select count(*) from audit_event where seq is null", Long.class) > 0
                && System.nanoTime() - started < 30L * 60 * 1_000_000_000) {
            sleep();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The floor of a day's detection: reading the day's audit events and due requests once, deciding nothing. */
    private int bareDay(LocalDate day) {
        Timestamp from = Timestamp.from(day.atStartOfDay(BEIJING).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(BEIJING).toInstant());
        return jdbc.queryForList("select actor_department, action, count(*) from audit_event"
                + " where occurred_at >= ? and occurred_at < ? group by 1, 2", from, to).size()
                + jdbc.queryForObject("select count(*) from sharing_request where reply_due >= ? and reply_due < ?",
                Integer.class, from, to);
    }

    /** The floor of the assessment: the year's audit events and requests counted per department, once. */
    private int bareYear() {
        Timestamp from = Timestamp.from(LocalDate.of(YEAR, 1, 1).atStartOfDay(BEIJING).toInstant());
        Timestamp to = Timestamp.from(LocalDate.of(YEAR + 1, 1, 1).atStartOfDay(BEIJING).toInstant());
        return jdbc.queryForList("select actor_department, action, count(*) from audit_event"
                + " where occurred_at >= ? and occurred_at < ? group by 1, 2", from, to).size()
                + jdbc.queryForList("select provider_department, count(*) from sharing_request"
                + " where requested_at >= ? and requested_at < ? group by 1", from, to).size();
    }

    private record Measured<T>(T value, double millis, long allocated) {
    }

    private static <T> Measured<T> measure(Supplier<T> work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        T value = work.get();
        double millis = (System.nanoTime() - started) / 1e6;
        return new Measured<>(value, millis, threads.getCurrentThreadAllocatedBytes() - bytes);
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1 < 0 ? 0
                : (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
