package org.govshare.seal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seals and verifications per second on one thread, for each algorithm and each detached format installed (CMS, and
 * SES where its handler is there; PAdES seals PDFs and is measured with them): the format's handler alone, with the
 * platform's own time-stamping authority (one token per seal, its serial from the database) and trust material
 * built once; and through {@link Sealing}, which adds the register row and the audit event to a seal, and reads the
 * trust from the database and the register on each verification. Also the timestamp alone, and the bytes a seal
 * adds to a 10 KB and a 100 KB JSON extract. Run with {@code ./mvnw verify -Pbenchmark -Dit.test=SealBenchmark};
 * figures go to {@code target/benchmarks/seals.json}. Nothing is asserted about speed.
 */
class SealBenchmark extends IntegrationTest {

    /** long enough for the JIT to compile the signature code before the first format measured, not only the later ones */
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long MEASURE_NANOS = 5_000_000_000L;

    @Autowired
    Sealing sealing;

    @Autowired
    List<SealFormatHandler> handlers;

    @Autowired
    SealCertificates certificates;

    @Autowired
    TimeStamping timeStamping;

    @Test
    void sealAndVerifyOnOneThread() throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version"));
        // the figures are per thread, but a busy machine lowers them all: say how busy it was
        figures.put("loadAverageBefore", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        byte[] extract = extract(10 * 1024);
        TrustMaterial trust = certificates.trust();
        SealRequest request = new SealRequest(DocumentKind.DATA_EXTRACT, "public-security", "grant:GR-BENCH", "benchmark");

        for (SealFormatHandler handler : handlers) {
            if (handler.format() == SealFormat.PADES) {
                continue;
            }
            for (SealAlgorithm algorithm : SealAlgorithm.values()) {
                SealingKey key = certificates.forDepartment(request.department(), algorithm);
                byte[] seal = handler.seal(extract, request, key);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("handlerSealsPerSecond", perSecond(() -> handler.seal(extract, request, key)));
                row.put("handlerVerificationsPerSecond", perSecond(() -> requireValid(handler.verify(extract, seal, trust))));
                Sealing.Sealed sealed = sealing.seal(extract, handler.format(), request, algorithm);
                row.put("sealingSealsPerSecond", perSecond(() -> sealing.seal(extract, handler.format(), request, algorithm)));
                row.put("sealingVerificationsPerSecond", perSecond(() -> requireValid(sealing.verify(extract, sealed.seal()))));
                for (int kilobytes : new int[] {10, 100}) {
                    byte[] document = extract(kilobytes * 1024);
                    int added = handler.seal(document, request, key).length;
                    row.put("sealBytesOn" + kilobytes + "KB", added);
                    row.put("sealPercentOf" + kilobytes + "KB", Math.round(1000.0 * added / document.length) / 10.0);
                }
                figures.put(handler.format() + " " + algorithm, row);
            }
        }
        byte[] digest = SealAlgorithm.ECDSA.digest(extract);
        figures.put("timestampsPerSecond", perSecond(() -> timeStamping.stamp(digest, SealAlgorithm.ECDSA.digestOid())));

        figures.put("loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path out = Path.of("target/benchmarks/seals.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        System.out.println("BENCHMARK seals " + figures);
    }

    /** Calls per second on this thread, after three seconds of warm-up, over about five seconds. */
    private static double perSecond(Supplier<?> call) {
        long warming = System.nanoTime();
        while (System.nanoTime() - warming < WARM_UP_NANOS) {
            call.get();
        }
        long started = System.nanoTime();
        long calls = 0;
        long elapsed;
        do {
            call.get();
            calls++;
            elapsed = System.nanoTime() - started;
        } while (elapsed < MEASURE_NANOS);
        return Math.round(calls * 10e9 / elapsed) / 10.0;
    }

    private static SealVerdict requireValid(SealVerdict verdict) {
        if (!verdict.valid()) {
            throw new IllegalStateException("the benchmark's seal does not hold: " + verdict.message());
        }
        return verdict;
    }

    /** A JSON extract of at least this many bytes (UTF-8): rows of a company register, as a sealed extract carries. */
    static byte[] extract(int bytes) {
        StringBuilder json = new StringBuilder("{\"grant\":\"GR-2026-000123\",\"purpose\":\"低保资格核验\",\"records\":[");
        int size = json.toString().getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; size < bytes; i++) {
            String row = (i == 0 ? "" : ",") + "{\"统一社会信用代码\":\"91410100MA44" + String.format("%06d", i)
                    + "\",\"名称\":\"郑州某某商贸有限公司\",\"状态\":\"存续\",\"成立日期\":\"2019-05-20\"}";
            json.append(row);
            size += row.getBytes(StandardCharsets.UTF_8).length;
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
