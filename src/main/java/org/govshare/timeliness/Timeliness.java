package org.govshare.timeliness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.govshare.calendar.Today;
import org.govshare.calendar.WorkdayCalendar;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogListing;
import org.govshare.catalog.CatalogPage;
import org.govshare.catalog.CatalogQuery;
import org.govshare.catalog.SharingMethod;
import org.govshare.timeliness.TimelinessStore.DayCalls;
import org.govshare.timeliness.TimelinessStore.Pushed;
import org.springframework.stereotype.Service;

/**
 * Timeliness of shared data (Art. 24, 28): how far each hosted resource is behind its update cycle, and how each
 * provider's service answered the platform's calls on a day, from stored state only (data versions, the audit
 * trail, the reminders sent), so that asking twice about a day answers the same. See docs/timeliness.md.
 */
@Service
public class Timeliness {

    private static final int CATALOG_PAGE = 500;

    private final Catalog catalog;
    private final TimelinessStore store;
    private final TimelinessProperties properties;
    private final WorkdayCalendar workdays;
    private final Today today;
    private final DueDates dueDates;
    private final UnavailableRuns runs;

    Timeliness(Catalog catalog, TimelinessStore store, TimelinessProperties properties, WorkdayCalendar workdays,
               Today today) {
        this.catalog = catalog;
        this.store = store;
        this.properties = properties;
        this.workdays = workdays;
        this.today = today;
        this.dueDates = new DueDates(properties.graceWorkingDays(), workdays, today.zone());
        this.runs = new UnavailableRuns(properties.availability());
    }

    /** The freshness today of those of these resources that are published, in the order asked. */
    public List<Freshness> freshness(List<String> codes) {
        LocalDate day = today.date();
        List<Freshness> answer = new ArrayList<>();
        for (String code : codes) {
            catalog.current(code).filter(listing -> "PUBLISHED".equals(listing.status()))
                    .flatMap(listing -> freshness(listing.entry(), day, store.lastVersionBefore(code, endOf(day))))
                    .ifPresent(answer::add);
        }
        return answer;
    }

    /** Every published hosted resource's freshness on a day; one published after the day is not judged. */
    List<Freshness> hostedOn(LocalDate day) {
        Map<String, Pushed> last = store.lastVersionsBefore(endOf(day));
        List<Freshness> judged = new ArrayList<>();
        for (CatalogEntry entry : published(SharingMethod.HOSTED_DATASET)) {
            freshness(entry, day, Optional.ofNullable(last.get(entry.code()))).ifPresent(judged::add);
        }
        return judged;
    }

    private Optional<Freshness> freshness(CatalogEntry entry, LocalDate day, Optional<Pushed> last) {
        if (entry.sharingMethod() == SharingMethod.PROVIDER_SERVICE) {
            return Optional.of(new Freshness(entry.code(), entry.providerDepartment(), entry.sharingMethod().name(),
                    entry.updateCycle().name(), Freshness.State.LIVE, null, null, null, null, 0, day));
        }
        // nothing pushed yet: the first version is due one cycle after the resource was first published
        Instant since = last.map(Pushed::at).orElseGet(() -> catalog.version(entry.code(), 1).publishedAt());
        if (!since.isBefore(endOf(day))) {
            return Optional.empty();
        }
        return Optional.of(dueDates.hosted(entry.code(), entry.providerDepartment(), entry.updateCycle(),
                last.map(Pushed::version).orElse(0), since, day));
    }

    /**
     * How a provider's service answered on a day, judged against the settings.
     *
     * @param unavailableSince the first unavailable day of the run the day belongs to, null when the day is not
     *                         unavailable; days with too few calls are skipped, an available day ends the run
     * @param evidence the first few failed calls of the day ({@code audit:<id>})
     */
    record ServiceDay(String resourceCode, String provider, LocalDate day, long calls, long failures,
                      boolean unavailable, LocalDate unavailableSince, LocalDate graceEndsOn, List<String> evidence) {
    }

    /** Every published provider-service resource called on the day. */
    List<ServiceDay> servicesOn(LocalDate day) {
        Map<String, String> providers = published(SharingMethod.PROVIDER_SERVICE).stream()
                .collect(Collectors.toMap(CatalogEntry::code, CatalogEntry::providerDepartment, (a, b) -> a, LinkedHashMap::new));
        ZoneId zone = today.zone();
        List<DayCalls> ofDay = store.calls(providers.keySet(), day, day, zone);
        List<String> unavailable = ofDay.stream().filter(runs::unavailable).map(DayCalls::resourceCode).toList();
        // the run's first day is looked for only where the day is unavailable, which is rare
        Map<String, List<DayCalls>> before = store.calls(unavailable,
                        day.minusDays(properties.availability().lookbackDays()), day.minusDays(1), zone).stream()
                .collect(Collectors.groupingBy(DayCalls::resourceCode));
        List<ServiceDay> days = new ArrayList<>();
        for (DayCalls calls : ofDay) {
            LocalDate since = runs.unavailable(calls) ? runs.since(day, before.getOrDefault(calls.resourceCode(), List.of())) : null;
            days.add(new ServiceDay(calls.resourceCode(), providers.get(calls.resourceCode()), day, calls.calls(),
                    calls.failures(), since != null, since,
                    since == null ? null : workdays.addWorkingDays(since, properties.availability().graceWorkingDays()),
                    calls.failed()));
        }
        return days;
    }

    /** The audit event of a version's push ({@code audit:<id>}), if it is in the trail. */
    Optional<String> pushEvent(String code, int version) {
        return version == 0 ? Optional.empty() : store.pushEvent(code, version);
    }

    TimelinessProperties properties() {
        return properties;
    }

    ZoneId zone() {
        return today.zone();
    }

    /** The name of a published resource, for a reminder's words. */
    String nameOf(String code) {
        return catalog.current(code).map(CatalogListing::entry).map(CatalogEntry::name).orElse(code);
    }

    private List<CatalogEntry> published(SharingMethod method) {
        List<CatalogEntry> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            CatalogPage found = catalog.search(new CatalogQuery(null, null, null, null, null, null, false, page, CATALOG_PAGE));
            found.resources().stream().filter(listing -> "PUBLISHED".equals(listing.status()))
                    .map(CatalogListing::entry).filter(entry -> entry.sharingMethod() == method).forEach(entries::add);
            if (found.resources().size() < CATALOG_PAGE) {
                return entries;
            }
        }
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(today.zone()).toInstant();
    }
}
