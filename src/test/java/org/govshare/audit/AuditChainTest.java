package org.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static AuditEvent event(String reason) {
        return new AuditEvent(7, "e-7", Instant.parse("2026-11-24T10:15:30.123456Z"), "gaj.zhang", "public-security",
                AuditAction.ACCESS_DENIED, "http-request", "GET /api/x", Outcome.REFUSED, reason, "c-1", "{\"status\":403}",
                null, null);
    }

    @Test
    void theHashCoversEveryFieldAndThePreviousHash() {
        String hash = AuditChain.hash(AuditChain.GENESIS, event("no permission"));

        assertThat(hash).hasSize(64).isEqualTo(AuditChain.hash(AuditChain.GENESIS, event("no permission")));
        assertThat(AuditChain.hash(AuditChain.GENESIS, event("no permission!"))).isNotEqualTo(hash);
        assertThat(AuditChain.hash("1".repeat(64), event("no permission"))).isNotEqualTo(hash);
    }

    @Test
    void aNewLineInAFieldCannotImitateTheNextField() {
        AuditEvent shifted = new AuditEvent(7, "e-7", Instant.parse("2026-11-24T10:15:30.123456Z"), "gaj.zhang",
                "public-security", AuditAction.ACCESS_DENIED, "http-request", "GET /api/x", Outcome.REFUSED,
                "a\nc-1", "", "{\"status\":403}", null, null);

        assertThat(AuditChain.canonical(shifted)).isNotEqualTo(AuditChain.canonical(event("a")));
    }
}
