package org.govshare.detection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Today;
import org.govshare.identity.Official;
import org.govshare.identity.Workgroups;
import org.govshare.rules.Decision;
import org.govshare.rules.RuleBook;
import org.govshare.rules.ViolationFinding;
import org.govshare.rules.supervision.DayFact;
import org.govshare.supervision.ViolationRegister;
import org.govshare.supervision.ViolationType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Violation detection by rules (Art. 33): for a day, every {@link DailyRound} runs, then every {@link DailyFigures}
 * gives its facts, the supervision rules ({@code rules/supervision/}) look at them, and each finding is recorded in
 * the violation register, once per department, type, subject and day: OPEN on a hard fact, SUSPECTED on a figure,
 * for the authority to review. Owns the {@code supervision-detection} process, which does this daily on a timer and
 * when the authority starts it by hand; {@link #runFor} does the same in the caller's thread.
 */
@Service
public class Detection {

    public static final String PROCESS = "supervision-detection";
    /** The message that starts a run by hand (a process has one timer start event or one none start event, not both). */
    static final String STARTED_BY_HAND = "DetectionRequested";
    static final String DECISION = "supervision";
    private static final int MAX_DESCRIPTION = 2000;

    private final List<DailyRound> rounds;
    private final List<DailyFigures> figures;
    private final RuleBook rules;
    private final ViolationRegister register;
    private final SuspectedReviews reviews;
    private final AuditTrail auditTrail;
    private final Today today;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final Workgroups workgroups;
    private final FindingCheck check;

    Detection(List<DailyRound> rounds, List<DailyFigures> figures, RuleBook rules, ViolationRegister register,
              SuspectedReviews reviews, AuditTrail auditTrail, Today today, RuntimeService runtimeService,
              TransactionTemplate transaction, Workgroups workgroups, FindingCheck check) {
        this.workgroups = workgroups;
        this.check = check;
        this.rounds = rounds;
        this.figures = figures;
        this.rules = rules;
        this.register = register;
        this.reviews = reviews;
        this.auditTrail = auditTrail;
        this.today = today;
        this.runtimeService = runtimeService;
        this.transaction = transaction;
    }

    /**
     * What one run found for a day.
     *
     * @param facts       the facts the figures gave (the day itself not counted)
     * @param findings    the findings of the rules, recorded now or before
     * @param opened      violations recorded OPEN by this run
     * @param suspected   violations recorded SUSPECTED by this run
     * @param known       findings recorded already (by an earlier run, a deadline timer or another node)
     * @param reviews     reviews of suspected violations started by this run
     * @param millis      how long it took
     */
    public record Summary(LocalDate day, int facts, int findings, List<String> opened, List<String> suspected, int known,
                          int reviews, String ruleSetVersion, long millis) {
    }

    /** The whole daily run for a day, in the caller's thread: rounds, detection, reviews of what is suspected. */
    public Summary runFor(LocalDate day) {
        long started = System.nanoTime();
        runRounds(day);
        // what the process does in one transaction per step, so here: a finding is recorded with its audit event
        Summary found = transaction.execute(status -> detect(day));
        int reviewed = reviews.startPending().size();
        return new Summary(day, found.facts(), found.findings(), found.opened(), found.suspected(), found.known(),
                reviewed, found.ruleSetVersion(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The day a run looks at: the one it was started for (the authority's run by hand: today, so far), or, for the
     * daily timer, which starts it with none in the small hours, yesterday in Beijing: the last whole day.
     */
    public LocalDate dayOf(String day) {
        return day == null || day.isBlank() ? today.date().minusDays(1) : LocalDate.parse(day);
    }

    /** The day a run started by hand looks at: today in Beijing, so far. */
    public LocalDate today() {
        return today.date();
    }

    /** Every daily round, for the day; each is safe to run twice. */
    public void runRounds(LocalDate day) {
        rounds.forEach(round -> round.runOn(day));
    }

    /** Gathers the day's facts, runs the supervision rules and records what they find. */
    @Transactional
    public Summary detect(LocalDate day) {
        long started = System.nanoTime();
        List<Object> facts = new ArrayList<>();
        facts.add(new DayFact(day));
        figures.forEach(source -> facts.addAll(source.factsOn(day)));
        Decision decision = rules.decide(DECISION, facts);
        List<String> opened = new ArrayList<>();
        List<String> suspected = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        int known = 0;
        for (ViolationFinding finding : decision.violations()) {
            var problem = check.problem(finding, day);
            if (problem.isPresent()) {
                leftOut.add(finding.rule() + ": " + problem.get());
                continue;
            }
            ViolationRegister.Recorded recorded = register.recordFinding(detected(finding));
            if (!recorded.isNew()) {
                known++;
            } else {
                (finding.suspected() ? suspected : opened).add(recorded.violation().id());
            }
        }
        Summary summary = new Summary(day, facts.size() - 1, decision.violations().size(), opened, suspected, known, 0,
                rules.version(), (System.nanoTime() - started) / 1_000_000);
        auditTrail.record(AuditEntry.ok(AuditAction.DETECTION_RAN, "detection", day.toString())
                .with("facts", summary.facts()).with("findings", summary.findings()).with("opened", opened)
                .with("suspected", suspected).with("known", known).with("leftOut", leftOut)
                .with("ruleSetVersion", summary.ruleSetVersion()));
        return summary;
    }

    /**
     * The authority starts the detection process for today by hand; it runs on the job executor like the daily one.
     *
     * @return the process instance
     */
    @Transactional
    public String start(Official by) {
        if (!workgroups.actsForTheAuthority(by)) {
            throw new AccessDeniedException("a detection run is started by the sharing authority");
        }
        LocalDate day = today.date();
        String instance = runtimeService.startProcessInstanceByMessage(STARTED_BY_HAND, "detection-" + day,
                Map.of("day", day.toString())).getId();
        auditTrail.record(AuditEntry.ok(AuditAction.DETECTION_STARTED, "process-instance", instance)
                .with("day", day.toString()));
        return instance;
    }

    private static ViolationRegister.Detected detected(ViolationFinding f) {
        String description = f.message().length() > MAX_DESCRIPTION ? f.message().substring(0, MAX_DESCRIPTION) : f.message();
        return new ViolationRegister.Detected(f.department(), f.type(), f.subject(), f.day(), f.citation(), description,
                evidenceType(f.type()), f.subject(), f.evidence(), f.suspected());
    }

    /** What a finding's subject is, as the register names its evidence (the deadline timers name theirs the same). */
    private static String evidenceType(ViolationType type) {
        return switch (type) {
            case DELAYED_REPLY, REFUSED_SHARING -> "sharing-request";
            case DELAYED_CORRECTION -> "error-report";
            case NOT_COLLECTED -> "collection-consultation";
            case MISUSE_BEYOND_SCOPE, HARMFUL_DISCLOSURE -> "data-access";
            case LATE_DELIVERY, NOT_DISPOSED, NO_USAGE_RECORDS -> "grant";
            default -> "resource";
        };
    }
}
