package org.govshare.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times a governed path and its bare alternative in alternating blocks (governed, bare, governed, bare, …), each
 * block after the machine has settled ({@link Settle}). This machine's speed drifts by up to twice over minutes (it
 * is a virtual machine sharing its host), so two sections timed one after the other compare two speeds of the
 * machine as much as two paths; alternating short blocks gives both paths the same stretches of it.
 */
public final class Alternation {

    /** A path: its name in the figures, and one call of it (which checks its own answer). */
    public record Path(String name, Runnable call) {
    }

    private Alternation() {
    }

    /**
     * {@code blocks} blocks of each path, each block {@code callsPerClient} calls by each of {@code clients} concurrent
     * clients; per path, the calls per second over its blocks' time, p50 and p99 over all its calls, and each process's
     * CPU per call ({@link ProcessCpu}).
     */
    public static Map<String, Map<String, Object>> time(List<Path> paths, int clients, int blocks, int callsPerClient,
                                                        Runnable settle) throws Exception {
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, ProcessCpu> cpu = new LinkedHashMap<>();
        paths.forEach(path -> {
            nanos.put(path.name(), new ArrayList<>());
            seconds.put(path.name(), 0.0);
            cpu.put(path.name(), new ProcessCpu());
        });
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int block = 0; block < blocks; block++) {
                for (Path path : paths) {
                    settle.run();
                    cpu.get(path.name()).begin();
                    long start = System.nanoTime();
                    List<Future<long[]>> futures = new ArrayList<>();
                    for (int c = 0; c < clients; c++) {
                        futures.add(pool.submit(() -> {
                            long[] taken = new long[callsPerClient];
                            for (int i = 0; i < callsPerClient; i++) {
                                long t = System.nanoTime();
                                path.call().run();
                                taken[i] = System.nanoTime() - t;
                            }
                            return taken;
                        }));
                    }
                    for (Future<long[]> future : futures) {
                        Arrays.stream(future.get()).forEach(nanos.get(path.name())::add);
                    }
                    seconds.merge(path.name(), (System.nanoTime() - start) / 1e9, Double::sum);
                    cpu.get(path.name()).end();
                }
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
        for (Path path : paths) {
            long[] sorted = nanos.get(path.name()).stream().mapToLong(Long::longValue).sorted().toArray();
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("clients", clients);
            figure.put("requests", sorted.length);
            figure.put("blocks", blocks);
            figure.put("perSecond", sorted.length / seconds.get(path.name()));
            figure.put("p50Millis", sorted[sorted.length / 2] / 1e6);
            figure.put("p95Millis", sorted[(int) (sorted.length * 0.95)] / 1e6);
            figure.put("p99Millis", sorted[(int) (sorted.length * 0.99)] / 1e6);
            figure.put("cpuMillisPerCallByProcess", cpu.get(path.name()).perCall(sorted.length));
            figures.put(path.name(), figure);
        }
        return figures;
    }
}
