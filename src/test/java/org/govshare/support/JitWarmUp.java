package org.govshare.support;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Warms a benchmark's paths until the JIT compiler has settled: rounds of every path run until, over a window of
 * two seconds, the compiler's threads spent under 2% of it compiling (at least {@code minRounds}, at most
 * {@code maxRounds}). A platform of this size keeps compiling for minutes; a section timed while the compiler still
 * takes a core (seen with {@code top -H}: C2 at 40-50% after two minutes) is slowed by it at random, whichever path it
 * measures.
 */
public final class JitWarmUp {

    private static final long WINDOW_NANOS = 2_000_000_000L;
    private static final double SETTLED_SHARE = 0.02;

    private JitWarmUp() {
    }

    /** Runs {@code round} until the compiler settles; what it took, for the benchmark's figures. */
    public static Map<String, Object> untilSettled(Runnable round, int minRounds, int maxRounds) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        long windowStart = started;
        long compiledAtWindowStart = jit.getTotalCompilationTime();
        double share = 1;
        int rounds = 0;
        while (rounds < maxRounds) {
            round.run();
            rounds++;
            long now = System.nanoTime();
            if (now - windowStart >= WINDOW_NANOS) {
                long compiled = jit.getTotalCompilationTime();
                share = (compiled - compiledAtWindowStart) / ((now - windowStart) / 1e6);
                windowStart = now;
                compiledAtWindowStart = compiled;
                if (rounds >= minRounds && share < SETTLED_SHARE) {
                    break;
                }
            }
        }
        Map<String, Object> warmUp = new LinkedHashMap<>();
        warmUp.put("rounds", rounds);
        warmUp.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
        warmUp.put("compilingShareOfLastWindow", Math.round(share * 1000) / 1000.0);
        return warmUp;
    }
}
