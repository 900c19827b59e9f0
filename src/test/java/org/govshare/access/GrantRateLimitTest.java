package org.govshare.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govshare.platform.web.TooManyRequestsException;
import org.govshare.support.SteppedClock;
import org.junit.jupiter.api.Test;

/** The lease arithmetic of a grant's shared read count, on two nodes counting in one store. */
class GrantRateLimitTest {

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-04T02:00:00Z"));
    private final CountedHere shared = new CountedHere();

    private GrantRateLimit node(int limit, int lease) {
        AccessProperties.Masking masking = new AccessProperties.Masking(4, 4, 3, 4, 1, List.of(), List.of("区"), "*");
        return new GrantRateLimit(new AccessProperties(limit, Duration.ofMinutes(1), lease, masking, 10000, 0), clock, shared);
    }

    /** How many reads pass before the first refusal, the nodes taking turns. */
    private static int servedBeforeRefusal(List<GrantRateLimit> nodes) {
        int served = 0;
        try {
            while (true) {
                nodes.get(served % nodes.size()).acquire("G-1");
                served++;
            }
        } catch (TooManyRequestsException refused) {
            return served;
        }
    }

    @Test
    void twoNodesLeasingTenServeNoMoreThanTheLimitAndCountOnceInTen() {
        int served = servedBeforeRefusal(List.of(node(600, 10), node(600, 10)));

        assertThat(served).isBetween(600 - 2 * 9, 600);
        assertThat(shared.calls).as("round trips for the count").isLessThanOrEqualTo(served / 10 + 3);
        assertThat(shared.refusals).isEqualTo(1);
    }

    @Test
    void aSmallLimitIsCountedReadByRead() {
        int served = servedBeforeRefusal(List.of(node(25, 10), node(25, 10)));

        assertThat(served).isEqualTo(25);
        assertThat(shared.calls).isEqualTo(26);
    }

    @Test
    void aLeaseEndsWithItsWindow() {
        GrantRateLimit node = node(600, 10);
        node.acquire("G-1");
        clock.advance(Duration.ofSeconds(61));
        node.acquire("G-1");

        assertThat(shared.calls).as("the second read opened a new window").isEqualTo(2);
        assertThat(shared.windows.get("G-1").reads()).isEqualTo(10);
    }

    @Test
    void theRefusalSaysWhenToTryAgain() {
        GrantRateLimit node = node(20, 1);
        for (int i = 0; i < 20; i++) {
            node.acquire("G-1");
        }
        clock.advance(Duration.ofSeconds(45));
        assertThatThrownBy(() -> node.acquire("G-1")).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("allows 20 reads per 60 s; try again in 15 s");
    }

    /** The shared count as {@link AccessThrottleStore} keeps it, in memory. */
    private final class CountedHere implements SharedReadCount {

        final Map<String, Window> windows = new HashMap<>();
        int calls;
        int refusals;

        @Override
        public Window countReads(String grantId, int reads, long nowMillis, long windowMillis) {
            calls++;
            Window open = windows.get(grantId);
            Window now = open != null && open.startMillis() > nowMillis - windowMillis
                    ? new Window(open.reads() + reads, open.startMillis()) : new Window(reads, nowMillis);
            windows.put(grantId, now);
            return now;
        }

        @Override
        public void countRefusal(String grantId, LocalDate day) {
            refusals++;
        }
    }
}
