package org.govshare.timeliness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.govshare.detection.DailyFigures;
import org.govshare.rules.supervision.ServiceAvailabilityFact;
import org.govshare.rules.supervision.StaleResourceFact;
import org.govshare.timeliness.Timeliness.ServiceDay;
import org.springframework.stereotype.Component;

/**
 * The timeliness facts of a day for the supervision rules: a {@link StaleResourceFact} for each hosted resource
 * behind its update cycle, a {@link ServiceAvailabilityFact} for each provider's service called on the day.
 */
@Component
class TimelinessFigures implements DailyFigures {

    private final Timeliness timeliness;
    private final TimelinessStore store;

    TimelinessFigures(Timeliness timeliness, TimelinessStore store) {
        this.timeliness = timeliness;
        this.store = store;
    }

    @Override
    public List<Object> factsOn(LocalDate day) {
        List<Object> facts = new ArrayList<>();
        for (Freshness behind : timeliness.hostedOn(day).stream().filter(Freshness::behind).toList()) {
            List<String> evidence = new ArrayList<>();
            evidence.add("version:" + behind.lastVersion());
            timeliness.pushEvent(behind.resourceCode(), behind.lastVersion()).ifPresent(evidence::add);
            facts.add(new StaleResourceFact(behind.resourceCode(), behind.provider(), behind.updateCycle(),
                    behind.lastVersion(), behind.lastVersionAt().atZone(timeliness.zone()).toLocalDate(),
                    behind.dueOn(), behind.graceEndsOn(), behind.daysLate(),
                    store.remindedOn(behind.resourceCode(), TimelinessReminders.BEHIND,
                            TimelinessReminders.behindEpisode(behind.lastVersion()), day).orElse(null),
                    behind.state() == Freshness.State.LATE ? behind.graceEndsOn().plusDays(1) : null, evidence));
        }
        TimelinessProperties.Availability settings = timeliness.properties().availability();
        for (ServiceDay service : timeliness.servicesOn(day)) {
            facts.add(new ServiceAvailabilityFact(service.resourceCode(), service.provider(), day, service.calls(),
                    service.failures(), settings.failureThreshold(), settings.minimumCalls(), service.unavailableSince(),
                    service.unavailableSince() == null ? null : store.lastReminded(service.resourceCode(),
                            TimelinessReminders.UNAVAILABLE, service.unavailableSince(), day).orElse(null),
                    service.graceEndsOn(), service.evidence()));
        }
        return facts;
    }
}
