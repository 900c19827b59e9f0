package org.govshare.support;

import java.io.IOException;

/**
 * Limits this JVM (the platform under benchmark, with the benchmark's client) to the CPUs named by
 * {@code -Dgovshare.benchmark.app-cpus=0} (a {@code taskset} list), once PostgreSQL and Elasticsearch are running, so
 * that they keep every core: how a path scales with the cores the platform has. Every thread the JVM has is moved,
 * and threads made later inherit it. Nothing happens without the setting.
 */
public final class AppCpus {

    private AppCpus() {
    }

    /** The CPUs the platform was limited to, or "all" (the figures name it). */
    public static String limitAsAsked() {
        String cpus = System.getProperty("govshare.benchmark.app-cpus", "");
        if (cpus.isBlank()) {
            return "all " + Runtime.getRuntime().availableProcessors();
        }
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus,
                    Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true).start();
            String said = new String(taskset.getInputStream().readAllBytes());
            if (taskset.waitFor() != 0) {
                throw new IllegalStateException("taskset refused " + cpus + ": " + said);
            }
            return cpus;
        } catch (IOException e) {
            throw new IllegalStateException("taskset is needed to limit the platform's CPUs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
