package org.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.govshare.platform.web.FixedWindowCounter;
import org.govshare.support.SteppedClock;
import org.junit.jupiter.api.Test;

class CallerRateLimitTest {

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-03-02T08:00:00Z"));

    private CallerRateLimit limit(int maxTrackedCallers) {
        return new CallerRateLimit(new RateLimitProperties(true, Map.of(
                "audit", new RateLimitProperties.Family(List.of("/api/audit"), 3, Duration.ofSeconds(10)),
                "default", new RateLimitProperties.Family(List.of("/api/", "/engine-rest"), 5, Duration.ofMinutes(1))),
                maxTrackedCallers, Duration.ofSeconds(1)), clock);
    }

    @Test
    void aPathTakesTheFamilyWithTheLongestPrefixAndOnlyWholeSegmentsMatch() {
        CallerRateLimit limit = limit(100);

        assertThat(limit.familyOf("/api/audit").name()).isEqualTo("audit");
        assertThat(limit.familyOf("/api/audit/verify").name()).isEqualTo("audit");
        assertThat(limit.familyOf("/api/auditors").name()).isEqualTo("default");
        assertThat(limit.familyOf("/engine-rest/task").name()).isEqualTo("default");
        assertThat(limit.familyOf("/catalog/index.html")).as("pages are not limited").isNull();
        assertThat(limit.familyOf("/engine-restless")).isNull();
    }

    @Test
    void overTheLimitTheCallerWaitsForTheEndOfItsWindowAndOthersGoOn() {
        CallerRateLimit limit = limit(100);
        CallerRateLimit.Family audit = limit.familyOf("/api/audit");
        clock.advance(Duration.ofMillis(2_500));

        for (int i = 0; i < 3; i++) {
            assertThat(limit.acquire("authority.li", audit).retryAfterSeconds()).isZero();
        }
        assertThat(limit.acquire("authority.li", audit).retryAfterSeconds()).as("seconds to the end of the window").isEqualTo(8);
        assertThat(limit.acquire("supervisor.qian", audit).retryAfterSeconds()).isZero();
        assertThat(limit.acquire("authority.li", limit.familyOf("/api/me")).retryAfterSeconds()).as("another family").isZero();

        clock.advance(Duration.ofMillis(7_500));
        assertThat(limit.acquire("authority.li", audit).retryAfterSeconds()).as("a new window").isZero();
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfNewCallers() {
        CallerRateLimit limit = limit(10);
        CallerRateLimit.Family audit = limit.familyOf("/api/audit");
        for (int i = 0; i < 10; i++) {
            limit.acquire("anonymous@10.0.0." + i, audit).retryAfterSeconds();
        }
        for (int i = 10; i < 1_000; i++) {
            limit.acquire("anonymous@10.0.0." + i, audit).retryAfterSeconds();
        }
        assertThat(limit.tracked()).isEqualTo(11);
        assertThat(limit.acquire("anonymous@10.0.9.9", audit).retryAfterSeconds()).as("new callers share one counter while none is idle")
                .isPositive();

        clock.advance(Duration.ofSeconds(10));
        assertThat(limit.acquire("anonymous@10.0.9.9", audit).retryAfterSeconds()).as("idle counters dropped, room again").isZero();
        assertThat(limit.tracked()).isEqualTo(1);
    }

    @Test
    void aFloodOfAddressesNeitherHoldsBackAuthenticatedCallersNorOpensAWindowPerAddress() {
        CallerRateLimit limit = limit(10);
        CallerRateLimit.Family audit = limit.familyOf("/api/audit");
        for (int i = 0; i < 1_000; i++) {
            limit.acquire("anonymous@10.0.0." + i, audit);
        }
        FixedWindowCounter.Tally<String> newAddress = limit.acquire("anonymous@10.0.9.9", audit);
        assertThat(newAddress.countedAs()).as("the key the refusal audit counts under").isEqualTo(CallerRateLimit.OVERFLOW);
        assertThat(newAddress.retryAfterSeconds()).isPositive();

        FixedWindowCounter.Tally<String> official = limit.acquire("authority.li", audit);
        assertThat(official.countedAs()).isEqualTo("authority.li");
        assertThat(official.retryAfterSeconds()).as("tracked apart, never in the overflow").isZero();
    }

    @Test
    void anIpv6CallerIsCountedByItsSlash64() {
        assertThat(CallerRateLimit.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(CallerRateLimit.network("2001:db8:1:2::9")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(CallerRateLimit.network("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void anAddressPastItsFailedLoginsIsRefusedUntilItsWindowEnds() {
        CallerRateLimit limit = new CallerRateLimit(new RateLimitProperties(true, Map.of(), 10, Duration.ofSeconds(1),
                new RateLimitProperties.Budget(3, Duration.ofSeconds(10)), null, 100), clock);
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7");
        for (int i = 0; i < 3; i++) {
            assertThat(limit.loginsRefused(request)).isZero();
            limit.failedLogin(request);
        }
        assertThat(limit.loginsRefused(request)).as("refused before the password is checked").isPositive();
        clock.advance(Duration.ofSeconds(10));
        assertThat(limit.loginsRefused(request)).isZero();
    }

    @Test
    void aFamilyNeedsALimitAndAWindowOfASecondOrMore() {
        assertThatThrownBy(() -> new RateLimitProperties.Family(List.of("/api"), 0, Duration.ofMinutes(1)))
                .hasMessageContaining("govshare.rate-limits");
        assertThatThrownBy(() -> new RateLimitProperties.Family(List.of("/api"), 10, Duration.ofMillis(10)))
                .hasMessageContaining("at least 1 s");
    }

    @Test
    void anUnlimitedPlatformLimitsNothing() {
        CallerRateLimit off = new CallerRateLimit(new RateLimitProperties(false, Map.of("default",
                new RateLimitProperties.Family(List.of("/api"), 1, Duration.ofMinutes(1))), 10, Duration.ofSeconds(1)), clock);
        assertThat(off.familyOf("/api/me")).isNull();
    }
}
