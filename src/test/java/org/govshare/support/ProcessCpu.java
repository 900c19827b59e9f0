package org.govshare.support;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time spent by each process a benchmark runs on this machine, from {@code /proc}: this JVM (the platform
 * and the benchmark's own HTTP client), PostgreSQL (every backend and background process) and Elasticsearch. Taken
 * around a timed section, it tells where the machine's cores went per call when the cores are what limits a rate
 * (several clients on two cores), at no cost to the section itself. Empty where there is no {@code /proc}.
 */
public final class ProcessCpu {

    private static final double MILLIS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

    private final Map<String, Double> millis = new LinkedHashMap<>();
    private Map<String, Long> startTicks = Map.of();
    private long gcMillisAtStart;
    private long jitMillisAtStart;

    /** Starts counting (again: a meter adds up every stretch from {@link #begin} to {@link #end}). */
    public void begin() {
        startTicks = ticks();
        gcMillisAtStart = gcMillis();
        jitMillisAtStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    public void end() {
        ticks().forEach((group, ticks) -> millis.merge(group, (ticks - startTicks.getOrDefault(group, 0L)) * MILLIS_PER_TICK,
                Double::sum));
        millis.merge("thisJvmGarbageCollection", (double) (gcMillis() - gcMillisAtStart), Double::sum);
        millis.merge("thisJvmJitCompilation", (double) (ManagementFactory.getCompilationMXBean().getTotalCompilationTime()
                - jitMillisAtStart), Double::sum);
    }

    /**
     * CPU milliseconds per call of each process over what was counted; and, of this JVM's, the time its collectors
     * and its JIT compiler took (elapsed, per call), the two kinds of work no call asks for that can fall on any
     * stretch.
     */
    public Map<String, Object> perCall(int calls) {
        Map<String, Object> perCall = new LinkedHashMap<>();
        millis.forEach((group, total) -> perCall.put(group, round(total / calls)));
        return perCall;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(t -> t > 0).sum();
    }

    private static Map<String, Long> ticks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String group = groupOf(p, self);
                if (group != null) {
                    ticks.merge(group, cpuTicks(p), Long::sum);
                }
            });
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        ticks.putIfAbsent("postgresql", 0L);
        ticks.putIfAbsent("elasticsearch", 0L);
        return ticks;
    }

    private static String groupOf(Path process, long self) {
        if (process.getFileName().toString().equals(Long.toString(self))) {
            return "thisJvm";
        }
        try {
            String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
            if (command.startsWith("postgres") || command.contains("/bin/postgres")) {
                return "postgresql";
            }
            return command.contains("org.elasticsearch.") ? "elasticsearch" : null;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static long cpuTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // fields after the command name, which is in parentheses and may hold spaces: utime is 14th, stime 15th
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
