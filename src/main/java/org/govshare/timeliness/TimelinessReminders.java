package org.govshare.timeliness;

import java.time.Clock;
import java.time.LocalDate;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.detection.DailyRound;
import org.govshare.identity.Role;
import org.govshare.identity.Workgroups;
import org.govshare.notice.Notice;
import org.govshare.notice.Notices;
import org.govshare.timeliness.Timeliness.ServiceDay;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily round's reminders (Art. 24, 28): a provider whose hosted data is behind its update cycle, or whose service
 * was unavailable on the day, is told through a notice to its PROVIDER_REVIEWER workgroup, once per episode: the
 * reminder is remembered first, so a second run of the day, or another node's, finds it and sends nothing.
 */
@Component
class TimelinessReminders implements DailyRound {

    static final String BEHIND = "BEHIND";
    static final String UNAVAILABLE = "UNAVAILABLE";
    static final String NOTICE_KIND = "TIMELINESS_REMINDER";

    private final Timeliness timeliness;
    private final TimelinessStore store;
    private final Notices notices;
    private final Workgroups workgroups;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final TransactionTemplate transaction;

    TimelinessReminders(Timeliness timeliness, TimelinessStore store, Notices notices, Workgroups workgroups,
                        AuditTrail auditTrail, Clock clock, PlatformTransactionManager transactions) {
        this.timeliness = timeliness;
        this.store = store;
        this.notices = notices;
        this.workgroups = workgroups;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The episode a hosted resource's lateness belongs to: the version it fell behind after. */
    static String behindEpisode(Integer lastVersion) {
        return "version:" + lastVersion;
    }

    /** The episode of a service's unavailable run: the run's first day. */
    static String unavailableEpisode(LocalDate since) {
        return "since:" + since;
    }

    @Override
    public void runOn(LocalDate day) {
        for (Freshness behind : timeliness.hostedOn(day).stream().filter(Freshness::behind).toList()) {
            String name = timeliness.nameOf(behind.resourceCode());
            remind(behind.resourceCode(), behind.provider(), BEHIND, behindEpisode(behind.lastVersion()), day,
                    "数据更新滞后 Data behind its update cycle: " + name + " (" + behind.resourceCode() + ")",
                    name + "（" + behind.resourceCode() + "）的更新周期为 " + behind.updateCycle() + "，最新数据为第 "
                            + behind.lastVersion() + " 版，应于 " + behind.dueOn() + " 前更新，已逾期 " + behind.daysLate()
                            + " 天。请于 " + behind.graceEndsOn() + " 前推送新版本，逾期将作为违规线索处理（第三十三条）。"
                            + " Push a new version by " + behind.graceEndsOn() + "; after that the lateness is a finding"
                            + " for the supervision rules (Art. 24, 33).",
                    AuditEntry.ok(AuditAction.TIMELINESS_REMINDED, "catalog-resource", behind.resourceCode())
                            .with("lastVersion", behind.lastVersion()).with("dueOn", behind.dueOn().toString())
                            .with("daysLate", behind.daysLate()).with("graceEndsOn", behind.graceEndsOn().toString()));
        }
        for (ServiceDay service : timeliness.servicesOn(day).stream().filter(ServiceDay::unavailable).toList()) {
            // a run longer than the look-back starts later each day: reminded within the run is reminded
            if (store.lastReminded(service.resourceCode(), UNAVAILABLE, service.unavailableSince(), day).isPresent()) {
                continue;
            }
            String name = timeliness.nameOf(service.resourceCode());
            remind(service.resourceCode(), service.provider(), UNAVAILABLE, unavailableEpisode(service.unavailableSince()),
                    day, "接口服务不可用 Service failing: " + name + " (" + service.resourceCode() + ")",
                    day + " 平台调用 " + name + "（" + service.resourceCode() + "）的接口服务 " + service.calls() + " 次，失败 "
                            + service.failures() + " 次，自 " + service.unavailableSince() + " 起不可用。请于 "
                            + service.graceEndsOn() + " 前恢复服务，逾期将作为违规线索处理（第三十三条）。"
                            + " Restore the service by " + service.graceEndsOn() + " (Art. 28, 33).",
                    AuditEntry.ok(AuditAction.TIMELINESS_REMINDED, "catalog-resource", service.resourceCode())
                            .with("calls", service.calls()).with("failures", service.failures())
                            .with("unavailableSince", service.unavailableSince().toString())
                            .with("graceEndsOn", service.graceEndsOn().toString()));
        }
    }

    private void remind(String code, String provider, String concern, String episode, LocalDate day, String subject,
                        String body, AuditEntry audited) {
        transaction.executeWithoutResult(status -> {
            if (!store.remember(code, concern, episode, provider, day, clock.instant())) {
                return;
            }
            Notice notice = notices.send(workgroups.of(provider, Role.PROVIDER_REVIEWER.name()), NOTICE_KIND, subject,
                    body, "catalog-resource", code);
            auditTrail.record(audited.by(Actor.SYSTEM).with("concern", concern).with("episode", episode)
                    .with("provider", provider).with("day", day.toString()).with("notice", notice.id()));
        });
    }
}
