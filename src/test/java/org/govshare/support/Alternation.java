package org.govshare.support;

import java.time.Duration;
import java.util.ArrayList;
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
 *
 * <p>A block runs for a set time, not a set number of calls, and ends only once the background work its calls caused
 * is done ({@link Background#finish}): a governed call leaves audit events that are chained and indexed after its
 * answer, every 50 to 500 ms, and a block of a few hundred milliseconds left most of that work to the pause before the
 * next block, where no clock ran. The work left at a block's end is done there and then, on the block's clock, and is
 * reported as {@code backgroundTailSecondsPerBlock}.
 */
public final class Alternation {

    /** A path: its name in the figures, and one call of it (which checks its own answer). */
    public record Path(String name, Runnable call) {
    }

    /** How many blocks of each path, how long each runs, and at most how many calls each client makes in one. */
    public record Blocks(int count, Duration length, int maxCallsPerClient) {
    }

    /** The background work of the platform under test, around each block. */
    public interface Background {

        /** Before a block, off its clock: what the blocks before left is done, and the machine is quiet. */
        void settle();

        /** After a block's calls, on its clock: what its own calls left to the background is done. */
        void finish();
    }

    private Alternation() {
    }

    /**
     * The blocks of each path, each with {@code clients} concurrent clients calling until the block's time is up; per
     * path, the calls per second over its blocks' time (their background tails included), p50, p95 and p99 over all
     * its calls, and each process's CPU per call ({@link ProcessCpu}).
     */
    public static Map<String, Map<String, Object>> time(List<Path> paths, int clients, Blocks blocks,
                                                        Background background) throws Exception {
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Double> tails = new LinkedHashMap<>();
        Map<String, ProcessCpu> cpu = new LinkedHashMap<>();
        paths.forEach(path -> {
            nanos.put(path.name(), new ArrayList<>());
            seconds.put(path.name(), 0.0);
            tails.put(path.name(), 0.0);
            cpu.put(path.name(), new ProcessCpu());
        });
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int block = 0; block < blocks.count(); block++) {
                for (Path path : paths) {
                    background.settle();
                    cpu.get(path.name()).begin();
                    long start = System.nanoTime();
                    long end = start + blocks.length().toNanos();
                    List<Future<List<Long>>> futures = new ArrayList<>();
                    for (int c = 0; c < clients; c++) {
                        futures.add(pool.submit(() -> {
                            List<Long> taken = new ArrayList<>();
                            while (System.nanoTime() < end && taken.size() < blocks.maxCallsPerClient()) {
                                long t = System.nanoTime();
                                path.call().run();
                                taken.add(System.nanoTime() - t);
                            }
                            return taken;
                        }));
                    }
                    for (Future<List<Long>> future : futures) {
                        nanos.get(path.name()).addAll(future.get());
                    }
                    long callsDone = System.nanoTime();
                    background.finish();
                    long finished = System.nanoTime();
                    seconds.merge(path.name(), (finished - start) / 1e9, Double::sum);
                    tails.merge(path.name(), (finished - callsDone) / 1e9, Double::sum);
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
            figure.put("blocks", blocks.count());
            figure.put("backgroundTailSecondsPerBlock", tails.get(path.name()) / blocks.count());
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
