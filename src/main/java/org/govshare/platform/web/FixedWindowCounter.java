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
     * @param maxKeys the most counters kept
     * @param overflow the key a new key is counted under when the map is full of counters still in their window
     *                 (keys that share a limit must share an overflow key)
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
        long start = nowMillis - nowMillis % windowMillis;
        K counted = windows.containsKey(key) || windows.size() < maxKeys ? key : makeRoom(key, nowMillis);
        Window window = windows.compute(counted, (k, w) -> w == null || w.start() != start
                ? new Window(start, windowMillis, 1)
                : new Window(start, windowMillis, w.used() == Integer.MAX_VALUE ? w.used() : w.used() + 1));
        return window.used() <= limit ? 0 : Math.max(1, (start + windowMillis - nowMillis + 999) / 1000);
    }

    private K makeRoom(K key, long nowMillis) {
        windows.values().removeIf(w -> nowMillis - w.start() >= w.length());
        return windows.size() < maxKeys ? key : overflow.apply(key);
    }

    /** How many counters are held now. */
    int size() {
        return windows.size();
    }
}
