package org.govshare.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.govshare.calendar.Today;
import org.govshare.calendar.WorkdayCalendar;
import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.DepartmentKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the annual assessment of a year (Art. 31) for every administrative department, from the database and the
 * audit trail, and scores it by the rule pack's scoring file. Nothing is typed in: the same year computed twice over
 * the same records gives the same figures. The definitions are in docs/assessment.md.
 */
@Service
public class AnnualAssessments {

    private final AssessmentFiguresStore store;
    private final ScoringRules scoringRules;
    private final DepartmentDirectory departments;
    private final WorkdayCalendar workdays;
    private final Today today;
    private final AssessmentProperties properties;

    AnnualAssessments(AssessmentFiguresStore store, ScoringRules scoringRules, DepartmentDirectory departments,
                      WorkdayCalendar workdays, Today today, AssessmentProperties properties) {
        this.store = store;
        this.scoringRules = scoringRules;
        this.departments = departments;
        this.workdays = workdays;
        this.today = today;
        this.properties = properties;
    }

    /** The draft of a year: figures, scores and ranks, without the authority's words. */
    @Transactional(readOnly = true)
    public AssessmentReport compute(int year) {
        Scoring scoring = scoringRules.current();
        Year y = new Year(year, today.zone());
        Map<String, Department> assessed = new LinkedHashMap<>();
        departments.all().stream().filter(d -> d.kind() == DepartmentKind.ADMINISTRATIVE)
                .sorted(Comparator.comparing(Department::code)).forEach(d -> assessed.put(d.code(), d));
        Figures figures = new Figures(assessed.keySet());

        Map<String, String> providerOf = catalog(y, figures);
        catalogRevisions(y, figures);
        replies(y, figures);
        corrections(y, figures);
        use(y, figures, providerOf);
        violations(y, figures);
        return scored(year, scoring, assessed, figures);
    }

    // ---- catalog and data cycles ----

    /** Resources by sharing type, legal bases, update cycles; answers every resource's provider. */
    private Map<String, String> catalog(Year y, Figures figures) {
        Map<String, Set<LocalDate>> versionDays = new HashMap<>();
        for (Object[] row : store.versionDays(y.from, y.to, y.zone)) {
            versionDays.computeIfAbsent((String) row[0], c -> new HashSet<>()).add((LocalDate) row[1]);
        }
        Map<String, String> providerOf = new HashMap<>();
        for (AssessmentFiguresStore.ResourceRow r : store.resources()) {
            providerOf.put(r.code(), r.department());
            boolean inForce = r.firstPublished() != null && r.firstPublished().isBefore(y.to)
                    && (!"RETIRED".equals(r.status()) || !r.updatedAt().isBefore(y.to));
            if (!inForce || !figures.assesses(r.department())) {
                continue;
            }
            String d = r.department();
            switch (r.sharingType()) {
                case "UNCONDITIONAL" -> figures.tally(d, Measure.RESOURCES_UNCONDITIONAL).count(r.code());
                case "CONDITIONAL" -> figures.tally(d, Measure.RESOURCES_CONDITIONAL).count(r.code());
                default -> {
                    figures.tally(d, Measure.RESOURCES_NON_SHARING).count(r.code());
                    boolean based = r.legalBasisLaw() != null && !r.legalBasisLaw().isBlank();
                    figures.tally(d, Measure.NON_SHARING_WITH_LEGAL_BASIS).share(based, r.code());
                }
            }
            if ("HOSTED_DATASET".equals(r.sharingMethod()) && !"REAL_TIME".equals(r.updateCycle())) {
                LocalDate since = r.firstPublished().atZone(y.zone).toLocalDate();
                Set<LocalDate> expected = periods(r.updateCycle(), since.isAfter(y.first) ? since : y.first, y.last);
                Set<LocalDate> met = new HashSet<>();
                versionDays.getOrDefault(r.code(), Set.of()).forEach(day -> met.add(periodOf(r.updateCycle(), day)));
                Tally cycles = figures.tally(d, Measure.UPDATE_CYCLES_MET);
                for (LocalDate period : expected) {
                    cycles.share(met.contains(period), r.code());
                }
            }
        }
        return providerOf;
    }

    /** The first day of each period of the cycle that lies (at least partly) between the two days. */
    private static Set<LocalDate> periods(String cycle, LocalDate from, LocalDate to) {
        Set<LocalDate> periods = new TreeSet<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            periods.add(periodOf(cycle, day));
        }
        return periods;
    }

    /** The first day of the period of the cycle a day falls in; weeks begin on Monday. */
    private static LocalDate periodOf(String cycle, LocalDate day) {
        return switch (cycle) {
            case "DAILY" -> day;
            case "WEEKLY" -> day.with(java.time.DayOfWeek.MONDAY);
            case "MONTHLY" -> day.withDayOfMonth(1);
            case "QUARTERLY" -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            default -> day.with(TemporalAdjusters.firstDayOfYear());
        };
    }

    /** A return is answered on time when the department resubmits or withdraws within the working days allowed. */
    private void catalogRevisions(Year y, Figures figures) {
        List<AssessmentFiguresStore.CatalogStep> steps = store.catalogSteps(y.from, y.to.plus(java.time.Duration.ofDays(60)));
        for (int i = 0; i < steps.size(); i++) {
            AssessmentFiguresStore.CatalogStep returned = steps.get(i);
            if (!returned.action().equals("CATALOG_RETURNED") || !returned.at().isBefore(y.to)
                    || !figures.assesses(returned.department())) {
                continue;
            }
            Instant answered = null;
            for (AssessmentFiguresStore.CatalogStep later : steps.subList(i + 1, steps.size())) {
                if (later.submission().equals(returned.submission()) && !later.action().equals("CATALOG_RETURNED")) {
                    answered = later.at();
                    break;
                }
            }
            LocalDate due = workdays.addWorkingDays(day(returned.at(), y.zone), properties.catalogRevisionWorkingDays());
            boolean onTime = answered != null && !day(answered, y.zone).isAfter(due);
            figures.tally(returned.department(), Measure.CATALOG_REVISIONS_ON_TIME).share(onTime, returned.submission());
        }
    }

    // ---- requests and corrections ----

    private void replies(Year y, Figures figures) {
        Map<String, List<Integer>> days = new HashMap<>();
        for (AssessmentFiguresStore.ReplyRow r : store.repliesDue(y.from, y.to)) {
            if (!figures.assesses(r.provider())) {
                continue;
            }
            figures.tally(r.provider(), Measure.REQUESTS_ANSWERED_ON_TIME).share(!r.overdue(), r.id());
            if ("PROVIDER".equals(r.by()) && r.closedAt() != null) {
                days.computeIfAbsent(r.provider(), p -> new ArrayList<>())
                        .add(workingDaysBetween(day(r.requestedAt(), y.zone), day(r.closedAt(), y.zone)));
            }
        }
        days.forEach((provider, list) -> figures.set(provider, Measure.MEDIAN_REPLY_WORKING_DAYS, median(list)));
    }

    /** Working days after the first day up to and including the second: a reply the next working day took 1. */
    private int workingDaysBetween(LocalDate asked, LocalDate answered) {
        int count = 0;
        for (LocalDate day = asked.plusDays(1); !day.isAfter(answered); day = day.plusDays(1)) {
            if (workdays.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static BigDecimal median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal middle = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return middle.setScale(1, RoundingMode.HALF_UP);
    }

    private void corrections(Year y, Figures figures) {
        for (AssessmentFiguresStore.CorrectionRow r : store.correctionsDue(y.from, y.to)) {
            if (figures.assesses(r.provider())) {
                figures.tally(r.provider(), Measure.CORRECTIONS_ON_TIME).share(!r.overdue(), r.id());
            }
        }
    }

    // ---- use of data: reads by others, grants used, services answering ----

    private void use(Year y, Figures figures, Map<String, String> providerOf) {
        Map<String, String> serviceProvider = new HashMap<>();
        store.providerServices().forEach(row -> serviceProvider.put((String) row[0], (String) row[1]));
        Map<String, Long> answered = new HashMap<>();
        Set<String> used = new HashSet<>();
        Map<String, Long> reads = new HashMap<>();
        Map<String, Set<String>> consumers = new HashMap<>();
        for (AssessmentFiguresStore.ReadCount read : store.reads(y.from, y.to)) {
            if (read.grant() != null) {
                used.add(read.grant());
            }
            if (serviceProvider.containsKey(read.resource())) {
                answered.merge(read.resource(), read.reads(), Long::sum);
            }
            String provider = providerOf.get(read.resource());
            if (provider != null && read.consumer() != null && !read.consumer().equals(provider)) {
                reads.merge(provider, read.reads(), Long::sum);
                consumers.computeIfAbsent(provider, p -> new TreeSet<>()).add(read.consumer());
            }
        }
        for (String d : figures.departments()) {
            figures.set(d, Measure.DATA_READS, BigDecimal.valueOf(reads.getOrDefault(d, 0L)));
            Set<String> readers = consumers.getOrDefault(d, Set.of());
            figures.tally(d, Measure.DATA_CONSUMERS).cases.addAll(readers);
            figures.set(d, Measure.DATA_CONSUMERS, BigDecimal.valueOf(readers.size()));
        }
        for (AssessmentFiguresStore.GrantRow grant : store.grantsInForce(y.from, y.to, y.first, y.last)) {
            if (figures.assesses(grant.consumer())) {
                figures.tally(grant.consumer(), Measure.GRANTS_USED).share(used.contains(grant.id()), grant.id());
            }
        }
        Map<String, Long> failed = new HashMap<>();
        store.failedServiceCalls(y.from, y.to).forEach(row -> failed.put((String) row[0], (Long) row[1]));
        serviceProvider.forEach((resource, provider) -> {
            if (!figures.assesses(provider)) {
                return;
            }
            Tally availability = figures.tally(provider, Measure.SERVICE_AVAILABILITY);
            long fails = failed.getOrDefault(resource, 0L);
            availability.good += answered.getOrDefault(resource, 0L);
            availability.total += answered.getOrDefault(resource, 0L) + fails;
            if (fails > 0) {
                availability.cases.add(resource);
            }
        });
    }

    // ---- violations and complaints ----

    private void violations(Year y, Figures figures) {
        for (AssessmentFiguresStore.ViolationRow v : store.violations(y.first, y.last)) {
            if (!figures.assesses(v.department())) {
                continue;
            }
            figures.tally(v.department(), Measure.VIOLATIONS_RECORDED).count(v.id());
            if (v.rectification() != null) {
                boolean rectified = "RECTIFIED".equals(v.status());
                figures.tally(v.department(), Measure.VIOLATIONS_RECTIFIED).share(rectified, v.id());
                boolean onTime = rectified && v.reported() != null && v.reportDue() != null && !v.reported().isAfter(v.reportDue());
                figures.tally(v.department(), Measure.VIOLATIONS_RECTIFIED_ON_TIME).share(onTime, v.id());
            }
            if ("COMPLAINT".equals(v.source())) {
                figures.tally(v.department(), Measure.COMPLAINTS_SUBSTANTIATED).count(v.id());
            }
        }
    }

    // ---- scores and ranks ----

    private AssessmentReport scored(int year, Scoring scoring, Map<String, Department> assessed, Figures figures) {
        Map<Measure, List<BigDecimal>> all = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            List<BigDecimal> values = new ArrayList<>();
            figures.departments().forEach(d -> values.add(figures.value(d, m)));
            all.put(m, values);
        }
        List<String> codes = new ArrayList<>(figures.departments());
        List<Map<String, AssessmentReport.Figure>> byDepartment = new ArrayList<>();
        List<BigDecimal> totals = new ArrayList<>();
        for (String d : codes) {
            Map<String, AssessmentReport.Figure> shown = new LinkedHashMap<>();
            Map<String, BigDecimal> values = new HashMap<>();
            Map<String, BigDecimal> points = new HashMap<>();
            for (Measure m : Measure.values()) {
                BigDecimal value = figures.value(d, m);
                BigDecimal score = scoring.score(m.key(), value, all.get(m));
                values.put(m.key(), value);
                points.put(m.key(), score);
                shown.put(m.key(), new AssessmentReport.Figure(value, score, figures.cases(d, m, properties.maxCasesPerFigure()), null));
            }
            byDepartment.add(shown);
            totals.add(scoring.total(values, points));
        }
        List<Integer> ranks = Scoring.ranks(totals);
        List<AssessmentReport.DepartmentResult> results = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Department d = assessed.get(codes.get(i));
            results.add(new AssessmentReport.DepartmentResult(d.code(), d.nameZh(), totals.get(i), ranks.get(i),
                    byDepartment.get(i), null, List.of()));
        }
        results.sort(Comparator.comparingInt(AssessmentReport.DepartmentResult::rank)
                .thenComparing(AssessmentReport.DepartmentResult::department));
        List<AssessmentReport.Indicator> indicators = java.util.Arrays.stream(Measure.values())
                .map(m -> new AssessmentReport.Indicator(m.key(), m.nameZh(), m.group(), m.unit(), scoring.weightOf(m.key())))
                .toList();
        return new AssessmentReport(year, scoring.rulePack(), indicators, results, today.now(), null);
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /** The year in the platform's zone: its days and its half-open window of instants. */
    private record Year(LocalDate first, LocalDate last, Instant from, Instant to, ZoneId zone) {

        Year(int year, ZoneId zone) {
            this(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
                    LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant(), zone);
        }
    }

    /** What is counted towards one figure: good of total for a share, total for a count, and the cases behind it. */
    private static final class Tally {
        long good;
        long total;
        BigDecimal value;
        final Set<String> cases = new TreeSet<>();

        void count(String caseNumber) {
            total++;
            cases.add(caseNumber);
        }

        /** One case towards a share; a bad one is listed for the drill-down. */
        void share(boolean isGood, String caseNumber) {
            total++;
            if (isGood) {
                good++;
            } else {
                cases.add(caseNumber);
            }
        }
    }

    /** Every department's tallies. */
    private static final class Figures {
        private final Map<String, Map<Measure, Tally>> tallies = new LinkedHashMap<>();

        Figures(Set<String> departments) {
            departments.forEach(d -> tallies.put(d, new EnumMap<>(Measure.class)));
        }

        Set<String> departments() {
            return tallies.keySet();
        }

        boolean assesses(String department) {
            return tallies.containsKey(department);
        }

        Tally tally(String department, Measure measure) {
            return tallies.get(department).computeIfAbsent(measure, m -> new Tally());
        }

        void set(String department, Measure measure, BigDecimal value) {
            tally(department, measure).value = value;
        }

        /** A count counts its cases; a share is good ÷ total, none when there was nothing to measure. */
        BigDecimal value(String department, Measure measure) {
            Tally t = tallies.get(department).get(measure);
            if (t != null && t.value != null) {
                return t.value;
            }
            if (measure.unit().equals("count")) {
                return BigDecimal.valueOf(t == null ? 0 : t.total);
            }
            if (t == null || t.total == 0) {
                return null;
            }
            return BigDecimal.valueOf(t.good).divide(BigDecimal.valueOf(t.total), 4, RoundingMode.HALF_UP);
        }

        List<String> cases(String department, Measure measure, int max) {
            Tally t = tallies.get(department).get(measure);
            return t == null ? List.of() : t.cases.stream().limit(max).toList();
        }
    }
}
