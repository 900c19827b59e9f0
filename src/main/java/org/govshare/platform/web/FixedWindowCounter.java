package org.govshare.platform.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Calls counted per key in fixed windows aligned to the clock (a minute's window runs from :00 to :59), in memory:
 * one atomic map update per call. At most {@code maxKeys} counters are kept: past it, those whose window has ended
 * are dropped, and if none has, new keys are counted together under an overflow key, so memory stays bounded
 * however many callers come.
 *
 * @param <K> what is counted: a caller and family, a grant
 */
public final class FixedWindowCounter<K> {

    private final int maxKeys;
    private final UnaryOperator<K> overflow;
    private final ConcurrentHashMap<K, Window> windows = new ConcurrentHashMap<>();

    private record Window(long start, long length, int used) {
    }

    /**
     * One call counted.
     *
     * @param countedAs the key it was counted under: the key itself, or the overflow key when the map was full
     * @param retryAfterSeconds 0 while within the limit, else the seconds (at least 1) until the window ends
     */
    public record Tally<K>(K countedAs, long retryAfterSeconds) {
    }

    /**
     * @param maxKeys the most counters kept
     * @param overflow the key a new key is counted under when the map is full of counters still in their window
     *                 (keys that share a limit must share an overflow key); a key that must never be counted with
     *                 others maps to itself, and is then held beyond {@code maxKeys}
     */
    public FixedWindowCounter(int maxKeys, UnaryOperator<K> overflow) {
        this.maxKeys = maxKeys;
        this.overflow = overflow;
    }

    /**
     * Counts one call; answers 0 while the key is within its limit in the window that holds {@code nowMillis}, or,
     * once over it, the seconds (at least 1) until that window ends.
     */
    public long count(K key, int limit, long windowMillis, long nowMillis) {
        return tally(key, limit, windowMillis, nowMillis).retryAfterSeconds();
    }

    /** Counts one call like {@link #count}, and says under which key it was counted. */
    public Tally<K> tally(K key, int limit, long windowMillis, long nowMillis) {
        long start = nowMillis - nowMillis % windowMillis;
        K counted = windows.containsKey(key) || windows.size() < maxKeys ? key : makeRoom(key, nowMillis);
        Window window = windows.compute(counted, (k, w) -> w == null || w.start() != start
                ? new Window(start, windowMillis, 1)
                : new Window(start, windowMillis, w.used() == Integer.MAX_VALUE ? w.used() : w.used() + 1));
        return new Tally<>(counted, window.used() <= limit ? 0 : retryAfter(start, windowMillis, nowMillis));
    }

    /**
     * Without counting: 0 while the key (or, when the map is full, the overflow key it would be counted under) has
     * used fewer than {@code limit} calls in the current window, else the seconds until that window ends.
     */
    public long exhausted(K key, int limit, long nowMillis) {
        Window window = windows.get(windows.containsKey(key) || windows.size() < maxKeys ? key : overflow.apply(key));
        return window == null || nowMillis - window.start() >= window.length() || window.used() < limit ? 0
                : retryAfter(window.start(), window.length(), nowMillis);
    }

    private static long retryAfter(long start, long windowMillis, long nowMillis) {
        return Math.max(1, (start + windowMillis - nowMillis + 999) / 1000);
    }

    private K makeRoom(K key, long nowMillis) {
        windows.values().removeIf(w -> nowMillis - w.start() >= w.length());
        return windows.size() < maxKeys ? key : overflow.apply(key);
    }

    /** How many counters are held now. */
    public int size() {
        return windows.size();
    }
}
