package org.govshare.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder recording of one measured section of a benchmark, kept as {@code target/benchmarks/NAME.jfr}
 * (open it in JDK Mission Control, or {@code jfr print}), and read back into where the milliseconds of one operation
 * went on the threads that served it.
 *
 * <p>Three kinds of event add up to a thread's wall time: the execution sampler's samples (each stands for one
 * sampling period of running Java), the socket and file reads and writes it waited on (timed, every one: a socket is
 * where a JDBC call waits for PostgreSQL; a file, where a log line is written), and the times it was parked, blocked on or
 * waiting in a monitor, or asleep (timed; an idle worker waiting for its next call is left out). Each is put in the innermost
 * {@linkplain #PHASES phase} its stack is inside, or else in the innermost layer it ran in (the engine, a feature of
 * the platform, the web server). What none of them covers (a thread ready to run and waiting for a core, mostly, on
 * a machine this small) is the difference between the measured time of an operation and the recorded time, given as
 * {@code unrecorded}. The JDK's native-method sampler is not used: it takes one thread in native code per period,
 * and most threads in native code are idle pollers, so it undercounts the one serving thread badly.
 */
public final class FlightRecording implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofMillis(2);

    /**
     * What a stack is inside, innermost first: the first of these that a frame matches, walking from the running frame
     * towards the thread's start, names the phase. A frame is {@code class.method}.
     */
    private static final List<Phase> PHASES = List.of(
            new Phase("commit", f -> f.startsWith("org.postgresql.jdbc.PgConnection.commit")),
            new Phase("engine flush (inserts and updates, history rows included)",
                    f -> f.startsWith("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush")
                            || f.startsWith("org.operaton.bpm.engine.impl.db.entitymanager.DbEntityManager.flush")),
            new Phase("history events", f -> f.startsWith("org.camunda.bpm.engine.impl.history.")
                    || f.startsWith("org.operaton.bpm.engine.impl.history.")),
            new Phase("authentication", f -> f.startsWith("org.springframework.security.authentication.ProviderManager.authenticate")),
            new Phase("audit append", f -> f.startsWith("org.govshare.audit.AuditTrail.record")),
            new Phase("rules", f -> f.startsWith("org.govshare.rules.RuleBook.decide")),
            new Phase("validation", f -> f.startsWith("org.govshare.request.RequestValidator.")),
            new Phase("masking", f -> f.startsWith("org.govshare.access.Masking.")),
            new Phase("grants (check, issue)", f -> f.startsWith("org.govshare.grant.Grants.")),
            new Phase("rate limits", f -> f.contains("RateLimit") || f.contains("AccessThrottle")),
            new Phase("data query", f -> f.startsWith("org.govshare.dataset.")));

    /** Where a stack inside none of the phases above ran, named by the innermost frame of one of these layers. */
    private static String layer(String frame) {
        if (frame.startsWith("org.camunda.") || frame.startsWith("org.operaton.")) {
            return "engine (other)";
        }
        if (frame.startsWith("org.govshare.")) {
            String[] parts = frame.split("\\.");
            return "platform: " + parts[2];
        }
        if (frame.startsWith("org.apache.catalina.") || frame.startsWith("org.apache.coyote.")
                || frame.startsWith("org.apache.tomcat.") || frame.startsWith("org.springframework.web.")) {
            return "HTTP, filters, MVC, JSON";
        }
        return null;
    }

    private final String name;
    private final Predicate<String> servingThread;
    private final Recording recording = new Recording();
    private final Map<Long, Long> threadCpuAtStart = threadCpu();
    private final long processCpuAtStart;

    private FlightRecording(String name, Predicate<String> servingThread) {
        this.name = name;
        this.servingThread = servingThread;
        recording.setName(name);
        recording.enable("jdk.ExecutionSample").withPeriod(PERIOD);
        recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.FileRead").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.FileWrite").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.ThreadPark").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.JavaMonitorWait").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.ThreadSleep").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.GarbageCollection");
        processCpuAtStart = processCpuNanos();
        recording.start();
    }

    /** Records from now, for the operations served by the web server's threads (Tomcat's {@code http-nio-...}). */
    public static FlightRecording ofServedCalls(String name) {
        return new FlightRecording(name, thread -> thread.startsWith("http-nio-"));
    }

    /** Records from now, for the operations run by threads whose names pass the test (the benchmark's own, say). */
    public static FlightRecording of(String name, Predicate<String> servingThread) {
        return new FlightRecording(name, servingThread);
    }

    /**
     * Stops, keeps the recording, and gives where the time of one of {@code operations} operations went, each of which
     * took {@code measuredMillisPerOperation} (wall time, as the benchmark measured it).
     */
    public Map<String, Object> stop(int operations, double measuredMillisPerOperation) throws IOException {
        recording.stop();
        // each live thread's CPU since the start, by name (a thread that ended meanwhile takes its time with it)
        List<Map.Entry<String, Long>> threadCpu = cpuSinceStart();
        long servingCpu = threadCpu.stream().filter(t -> servingThread.test(t.getKey())).mapToLong(Map.Entry::getValue).sum();
        Map<String, Double> cpuByThreads = byThreadGroup(threadCpu, operations);
        long processCpu = processCpuNanos() - processCpuAtStart;
        Path file = Path.of("target/benchmarks", name + ".jfr");
        Files.createDirectories(file.getParent());
        recording.dump(file);
        recording.close();

        // per phase: running Java, waiting on a socket, of which on PostgreSQL, parked or blocked
        Map<String, double[]> byPhase = new TreeMap<>();
        double periodMillis = PERIOD.toNanos() / 1e6;
        double otherThreadsRunning = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            boolean sample = type.equals("jdk.ExecutionSample");
            boolean socket = type.equals("jdk.SocketRead") || type.equals("jdk.SocketWrite")
                    || type.equals("jdk.FileRead") || type.equals("jdk.FileWrite");
            boolean waiting = type.equals("jdk.ThreadPark") || type.equals("jdk.JavaMonitorEnter")
                    || type.equals("jdk.JavaMonitorWait") || type.equals("jdk.ThreadSleep");
            if (!sample && !socket && !waiting) {
                continue;
            }
            var thread = sample ? event.getThread("sampledThread") : event.getThread();
            String threadName = thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
            if (!servingThread.test(threadName)) {
                otherThreadsRunning += sample ? periodMillis : 0;
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            List<String> frames = stack == null ? List.of() : stack.getFrames().stream()
                    .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).toList();
            if (waiting && frames.stream().anyMatch(f -> f.startsWith("org.apache.tomcat.util.threads.TaskQueue."))) {
                continue; // an idle worker waiting for its next call
            }
            double millis = sample ? periodMillis : event.getDuration().toNanos() / 1e6;
            double[] figures = byPhase.computeIfAbsent(phaseOf(frames), p -> new double[4]);
            if (sample) {
                figures[0] += millis;
            } else if (socket) {
                figures[1] += millis;
                figures[2] += frames.stream().anyMatch(f -> f.startsWith("org.postgresql.")) ? millis : 0;
            } else {
                figures[3] += millis;
            }
        }
        double recorded = byPhase.values().stream().mapToDouble(f -> f[0] + f[1] + f[3]).sum();
        Map<String, Object> perOperation = new LinkedHashMap<>();
        byPhase.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[0] + b.getValue()[1] + b.getValue()[3],
                        a.getValue()[0] + a.getValue()[1] + a.getValue()[3]))
                .forEach(e -> {
                    double[] f = e.getValue();
                    Map<String, Object> phase = new LinkedHashMap<>();
                    phase.put("millis", round((f[0] + f[1] + f[3]) / operations));
                    phase.put("running", round(f[0] / operations));
                    phase.put("onSocketsOrFiles", round(f[1] / operations));
                    phase.put("ofWhichPostgres", round(f[2] / operations));
                    phase.put("parkedOrBlocked", round(f[3] / operations));
                    perOperation.put(e.getKey(), phase);
                });
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("recording", file.toString());
        profile.put("samplingPeriodMillis", periodMillis);
        profile.put("operations", operations);
        profile.put("measuredMillisPerOperation", round(measuredMillisPerOperation));
        profile.put("recordedMillisPerOperation", round(recorded / operations));
        profile.put("unrecordedMillisPerOperation", round(measuredMillisPerOperation - recorded / operations));
        profile.put("otherThreadsRunningMillisPerOperation", round(otherThreadsRunning / operations));
        // CPU time as the JVM counts it, to check the sampler by: the serving threads' own, and the whole JVM's
        profile.put("servingThreadsCpuMillisPerOperation", round(servingCpu / 1e6 / operations));
        profile.put("jvmCpuMillisPerOperation", round(processCpu / 1e6 / operations));
        // the JVM's CPU by thread (numbers in names folded): what runs beside the call, and the rest (GC, the JIT)
        double inThreads = cpuByThreads.values().stream().mapToDouble(Double::doubleValue).sum();
        cpuByThreads.put("(not in a Java thread: GC, compiler, VM)", round(processCpu / 1e6 / operations - inThreads));
        profile.put("jvmCpuMillisPerOperationByThread", cpuByThreads);
        profile.put("servingThreadsPerOperation", perOperation);
        Files.writeString(Path.of("target/benchmarks", name + "-profile.json"),
                new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(profile));
        return profile;
    }

    private static Map<Long, Long> threadCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return cpu;
    }

    private List<Map.Entry<String, Long>> cpuSinceStart() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Map.Entry<String, Long>> used = new java.util.ArrayList<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                used.add(Map.entry(info.getThreadName(), Math.max(0, threads.getThreadCpuTime(info.getThreadId()))
                        - threadCpuAtStart.getOrDefault(info.getThreadId(), 0L)));
            }
        }
        return used;
    }

    /** CPU per operation of each group of threads (numbers in names folded), the busiest first, down to 0.1 ms. */
    private static Map<String, Double> byThreadGroup(List<Map.Entry<String, Long>> threadCpu, int operations) {
        Map<String, Double> byGroup = new java.util.HashMap<>();
        threadCpu.forEach(t -> byGroup.merge(t.getKey().replaceAll("\\d+", "#"), t.getValue() / 1e6 / operations,
                Double::sum));
        Map<String, Double> busiest = new LinkedHashMap<>();
        byGroup.entrySet().stream().filter(e -> e.getValue() >= 0.1)
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> busiest.put(e.getKey(), round(e.getValue())));
        busiest.put("(other Java threads, under 0.1 ms each)", round(byGroup.values().stream().filter(v -> v < 0.1)
                .mapToDouble(Double::doubleValue).sum()));
        return busiest;
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    /** The innermost phase the stack is inside, else the innermost layer it ran in, else "other". */
    private static String phaseOf(List<String> frames) {
        for (String frame : frames) {
            for (Phase phase : PHASES) {
                if (phase.inside().test(frame)) {
                    return phase.name();
                }
            }
        }
        for (String frame : frames) {
            String layer = layer(frame);
            if (layer != null) {
                return layer;
            }
        }
        return "other";
    }

    @Override
    public void close() {
        recording.close();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private record Phase(String name, Predicate<String> inside) {
    }
}
