package org.govshare.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.govshare.platform.web.ConflictException;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** A grant's life: valid from its first day, expired after its last (read at once, recorded by the sweep), revoked. */
class GrantLifecycleTest extends ProcessTest {

    @Autowired
    Grants grants;

    @Autowired
    JdbcTemplate jdbc;

    private Grant issue(LocalDate from, LocalDate until) {
        return grants.issue(new NewGrant("civil-affairs", "public-security", "101001/101001", "常住人口基本信息",
                List.of("公民身份号码"), "低保申请人身份核验", "《社会救助暂行办法》 第十一条", "身份核验", List.of("mzj.liu"),
                List.of(), from, until, Grants.SOURCE_REQUEST, "GX-2026-999999", List.of(), List.of()));
    }

    private void setToday(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, BEIJING).toInstant()));
    }

    @Test
    void aGrantIsNotYetValidThenActiveThenExpiresByItselfAndTheSweepRecordsIt() {
        setToday(2026, 3, 2);
        Grant grant = issue(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 31));
        assertThat(grant.status()).isEqualTo(Grant.Status.NOT_YET_VALID);

        setToday(2026, 3, 31);
        assertThat(grants.find(grant.id()).status()).isEqualTo(Grant.Status.ACTIVE);
        assertThat(grants.heldBy("civil-affairs", "101001/101001")).extracting(Grant::id).contains(grant.id());

        setToday(2026, 4, 1);
        assertThat(grants.find(grant.id()).status()).isEqualTo(Grant.Status.EXPIRED);
        assertThat(grants.heldBy("civil-affairs", "101001/101001")).extracting(Grant::id).doesNotContain(grant.id());
        assertThat(grants.expireDue()).isPositive();
        assertThat(jdbc.queryForObject("select status from sharing_grant where id = ?", String.class, grant.id()))
                .isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'GRANT_EXPIRED' and object_id = ?",
                Long.class, grant.id())).isOne();
        assertThat(grants.expireDue()).isZero();
    }

    @Test
    void theProviderRevokesWithAReasonAndTheConsumerCannot() {
        Grant grant = issue(LocalDate.now(BEIJING), LocalDate.now(BEIJING).plusDays(30));

        assertThatThrownBy(() -> grants.revoke(official("mzj.chen"), grant.id(), "no"))
                .isInstanceOf(AccessDeniedException.class);
        Grant revoked = grants.revoke(official("gaj.wang"), grant.id(), "the purpose has ended");

        assertThat(revoked.status()).isEqualTo(Grant.Status.REVOKED);
        assertThat(revoked.revocationReason()).isEqualTo("the purpose has ended");
        assertThat(revoked.validOn(LocalDate.now(BEIJING))).isFalse();
        assertThatThrownBy(() -> grants.revoke(official("authority.li"), grant.id(), "again"))
                .isInstanceOf(ConflictException.class);
    }
}
