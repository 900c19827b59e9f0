package org.govshare.calendar;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The official holiday schedules in force: the packaged files {@code calendar/cn-YYYY.yaml}, overridden year by
 * year by the schedules the sharing authority loads at run time. Held in memory, so that counting a deadline never
 * reads the database; a load replaces the year in memory once it is stored and audited. Another node's load
 * reaches this node's memory within {@code govshare.calendar.refresh-interval} (30 s by default): each node looks
 * now and then whether the stored loads changed (docs/operations.md).
 */
@Service
public class HolidaySchedules implements Schedules {

    private static final Logger log = LoggerFactory.getLogger(HolidaySchedules.class);

    private final CalendarStore store;
    private final AuditTrail auditTrail;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<Integer, ScheduleInForce> inForce = new ConcurrentHashMap<>();
    private String loadsSeen;

    HolidaySchedules(CalendarStore store, AuditTrail auditTrail, PlatformTransactionManager transactionManager,
                     Clock clock, Jackson2ObjectMapperBuilder mappers) {
        this.store = store;
        this.auditTrail = auditTrail;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        PackagedSchedules.read(mappers.factory(new YAMLFactory()).build())
                .forEach((year, schedule) -> inForce.put(year, ScheduleInForce.packaged(schedule)));
        loadsSeen = store.loadsDigest();
        store.all().forEach(loaded -> inForce.put(loaded.year(), loaded));
        log.info("Official holiday schedules in force: {}", describe());
    }

    /** Takes in the schedules another node of the cluster loaded since this node last looked. */
    @Scheduled(fixedDelayString = "${govshare.calendar.refresh-interval:30s}",
            initialDelayString = "${govshare.calendar.refresh-interval:30s}")
    synchronized void refresh() {
        String stored = store.loadsDigest();
        if (stored.equals(loadsSeen)) {
            return;
        }
        store.all().forEach(loaded -> inForce.merge(loaded.year(), loaded,
                (held, found) -> found.loadedAt().isAfter(held.loadedAt()) || held.origin() != ScheduleInForce.Origin.LOADED
                        ? found : held));
        loadsSeen = stored;
        log.info("Official holiday schedules in force, as another node loaded them: {}", describe());
    }

    @Override
    public Optional<HolidaySchedule> of(int year) {
        return inForce(year).map(ScheduleInForce::schedule);
    }

    /** The schedule in force for a year and where it came from, if there is one. */
    public Optional<ScheduleInForce> inForce(int year) {
        return Optional.ofNullable(inForce.get(year));
    }

    /**
     * Puts an official's schedule in force for a year, replacing the packaged file or an earlier load of that year,
     * for every deadline counted from now on. Only the sharing authority may; a schedule that breaks a rule is
     * refused whole, naming each field and rule, and nothing changes.
     */
    public synchronized ScheduleInForce load(Official official, int year, HolidaySchedule schedule) {
        if (!official.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("only the sharing authority (AUTHORITY) loads the official holiday schedule");
        }
        List<FieldError> problems = schedule.problems(year);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ScheduleInForce previous = inForce.get(year);
        ScheduleInForce loaded = new ScheduleInForce(year, ScheduleInForce.Origin.LOADED, schedule, official.login(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        transactions.executeWithoutResult(status -> {
            store.save(loaded);
            auditTrail.record(AuditEntry.ok(AuditAction.CALENDAR_LOADED, "calendar", String.valueOf(year))
                    .with("source", schedule.source().title())
                    .with("number", schedule.source().number())
                    .with("holidays", schedule.holidays().size())
                    .with("makeUpWorkingDays", schedule.makeUpWorkingDayCount())
                    .with("replaced", previous == null ? "none" : previous.origin().name()));
        });
        // only once stored and audited: a load that rolled back must not count a single deadline
        inForce.put(year, loaded);
        loadsSeen = store.loadsDigest();
        log.info("Holiday schedule of {} loaded by {} from '{}'; in force for deadlines counted from now on",
                year, official.login(), schedule.source().title());
        return loaded;
    }

    private String describe() {
        return inForce.values().stream().sorted(java.util.Comparator.comparingInt(ScheduleInForce::year))
                .map(s -> s.year() + " (" + s.origin().name().toLowerCase(java.util.Locale.ROOT) + ")").toList().toString();
    }
}
