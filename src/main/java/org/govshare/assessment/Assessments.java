package org.govshare.assessment;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.calendar.Deadline;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.FormValues;
import org.govshare.platform.ProcessText;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual assessment's process (Art. 31), {@code annual-assessment}: started by the yearly timer for the year
 * before, or by the authority for any past year; the figures computed into a draft; the authority's review (an
 * opinion and improvement points per department, notes on figures, never a changed figure); then publication,
 * stored once with its hash audited. Every step is one call here and finds its case by process instance.
 */
@Service
public class Assessments {

    public static final String PROCESS = "annual-assessment";
    static final CaseKind KIND = new CaseKind(PROCESS, "KH", "caseNumber", "annual assessment", "assessment");

    private final AssessmentStore store;
    private final AnnualAssessments annual;
    private final PublishedAssessments published;
    private final AssessmentSchedule schedule;
    private final Cases<Assessment> cases;

    Assessments(AssessmentStore store, AnnualAssessments annual, PublishedAssessments published,
                AssessmentSchedule schedule, CaseEngine engine) {
        this.store = store;
        this.annual = annual;
        this.published = published;
        this.schedule = schedule;
        this.cases = engine.cases(KIND, store.rows());
    }

    /** The authority starts the assessment of a past year that is neither published nor under way. */
    @Transactional
    public Assessment start(Official by, Integer year) {
        if (!cases.workgroups().actsForTheAuthority(by)) {
            throw new AccessDeniedException("the annual assessment is started by the sharing authority");
        }
        if (year == null) {
            throw new InvalidInputException("year", "required", "the year to assess, e.g. " + (cases.today().getYear() - 1));
        }
        if (year < schedule.firstYear()) {
            throw new InvalidInputException("year", "year-in-force", "the rules are in force from "
                    + schedule.firstYear() + "; " + year + " cannot be assessed");
        }
        if (year >= cases.today().getYear()) {
            throw new InvalidInputException("year", "past-years-only", "only a year that has ended is assessed: "
                    + year + " is not over (the latest is " + (cases.today().getYear() - 1) + ")");
        }
        requireFree(year);
        Assessment draft = new Assessment(cases.number(), year, Assessment.Status.COMPUTING, null, by.login(),
                cases.now(), null, null, null);
        return cases.open(draft, a -> {
            if (!store.insert(a)) {
                requireFree(year);
            }
        }, cases.entry(AuditAction.ASSESSMENT_STARTED, draft.id()).with("year", year).with("by", "authority"),
                Map.of("year", year));
    }

    private void requireFree(int year) {
        if (published.find(year).isPresent()) {
            throw new ConflictException("year", "assessment-published-once", "the assessment of " + year
                    + " is published already and cannot change");
        }
        store.ofYear(year).ifPresent(running -> {
            throw new ConflictException("year", "one-assessment-per-year", "the assessment of " + year + " is under way as "
                    + running.id() + " (" + running.status() + ")");
        });
    }

    // ---- steps of the process ----

    /**
     * The first step: binds the case the authority started, or, started by the yearly timer, opens the case of the
     * year before unless that year is assessed or under way already (then the process ends there).
     *
     * @return the case number, the business key of a timer's instance too; null when there is no year to assess
     */
    @Transactional
    public String open(String processInstanceId, String caseNumber) {
        if (caseNumber != null) {
            return cases.bind(processInstanceId, caseNumber, a -> a.status() == Assessment.Status.COMPUTING).id();
        }
        int year = schedule.yearToAssess();
        if (published.find(year).isEmpty() && store.ofYear(year).isEmpty()) {
            Assessment opened = new Assessment(cases.number(), year, Assessment.Status.COMPUTING, processInstanceId,
                    Actor.SYSTEM.id(), cases.now(), null, null, null);
            if (store.insert(opened)) {
                cases.record(cases.entry(AuditAction.ASSESSMENT_STARTED, opened.id()).with("year", year).with("by", "timer"));
                return opened.id();
            }
        }
        cases.record(cases.entry(AuditAction.ASSESSMENT_SKIPPED, String.valueOf(year))
                .because("the assessment of " + year + " is published or under way already"));
        return null;
    }

    /** Computes the figures, scores and ranks into the draft the authority reviews, with the review's deadline. */
    public String computeDraft(String processInstanceId) {
        Assessment a = lockedOfProcess(processInstanceId, Assessment.Status.COMPUTING);
        AssessmentReport draft = annual.compute(a.year());
        store.setDraft(a.id(), draft, cases.due(Deadline.ASSESSMENT_REVIEW));
        cases.record(cases.entry(AuditAction.ASSESSMENT_COMPUTED, a.id()).with("year", a.year())
                .with("departments", draft.departments().size()).with("rulePack", draft.rulePack()));
        cases.send(cases.workgroups().authority(), "ASSESSMENT_DRAFT", a.year() + "年度考核草稿待审阅 Assessment "
                + a.year() + " awaits review", "Read every department's figures, give each an opinion and improvement"
                + " points (PUT /api/assessments/" + a.year() + "/draft/departments/{code}), then complete the review.", a.id());
        return summary(a);
    }

    /** When the review is due: the task's due date and its reminder. */
    public Date reviewDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).reviewDue());
    }

    /** The review waits past its deadline: the authority is reminded. */
    public void remindReviewer(String processInstanceId) {
        Assessment a = cases.ofProcess(processInstanceId);
        long missing = missingOpinions(a).size();
        cases.send(cases.workgroups().authority(), "ASSESSMENT_REVIEW_OVERDUE", a.year() + "年度考核审阅已逾期 Review of "
                + a.year() + " is overdue", missing + " department(s) still have no opinion; the review was due "
                + a.reviewDue() + ".", a.id());
        cases.record(cases.entry(AuditAction.ASSESSMENT_REVIEW_REMINDED, a.id()).with("year", a.year())
                .with("missingOpinions", missing));
    }

    /**
     * The review task's completion, decided from what is stored: every department has an opinion, and whoever
     * completes it is the authority's.
     */
    public void completeReview(String processInstanceId, Boolean confirmed) {
        Assessment a = lockedOfProcess(processInstanceId, Assessment.Status.IN_REVIEW);
        Actor actor = cases.actorOf(cases.workgroups().authorityDepartment(), "the assessment is reviewed by the sharing authority");
        if (!Boolean.TRUE.equals(confirmed)) {
            throw new InvalidInputException("reviewConfirmed", "review-confirmed",
                    "confirm that every department's figures were read and have their opinion");
        }
        List<String> missing = missingOpinions(a);
        if (!missing.isEmpty()) {
            throw new InvalidInputException("opinion", "opinion-for-every-department", "no opinion yet for "
                    + missing + ": give each with PUT /api/assessments/" + a.year() + "/draft/departments/{code}");
        }
        store.setReviewed(a.id(), actor.id());
        cases.record(cases.entry(AuditAction.ASSESSMENT_REVIEW_COMPLETED, a.id()).with("year", a.year()));
    }

    /** Publishes the reviewed report: stored once, unchangeable, its hash audited. */
    public void publish(String processInstanceId) {
        Assessment a = lockedOfProcess(processInstanceId, Assessment.Status.REVIEWED);
        published.publish(reviewed(a, a.reviewedBy()), a.reviewedBy());
        store.setPublished(a.id(), cases.now());
    }

    // ---- the review's API ----

    /** The draft with the review so far: the authority and the supervisors only. */
    public AssessmentReport draft(Official by, int year) {
        if (!cases.workgroups().actsForTheAuthority(by) && !by.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("a draft assessment is seen by the sharing authority and the supervisors");
        }
        Assessment a = ofYear(year);
        if (a.status() == Assessment.Status.COMPUTING) {
            throw new ConflictException("year", "draft-not-computed", "the assessment of " + year + " is still being computed");
        }
        return reviewed(a, a.reviewedBy());
    }

    /**
     * The authority's opinion, improvement points and notes on one department's figures; a second review of the
     * department replaces the first. A note names a figure by its indicator key.
     */
    @Transactional
    public AssessmentReport review(Official by, int year, String department, String opinion, List<String> improvements,
                                   Map<String, String> notes) {
        if (!cases.workgroups().actsForTheAuthority(by)) {
            throw new AccessDeniedException("the assessment is reviewed by the sharing authority");
        }
        Assessment a = ofYear(year);
        a = cases.locked(a.id());
        if (a.status() != Assessment.Status.IN_REVIEW) {
            throw new ConflictException("status", "review-in-review-only", a.id() + " is " + a.status()
                    + "; a department is reviewed while the draft is in review");
        }
        AssessmentReport draft = store.draft(a.id());
        if (draft.departments().stream().noneMatch(d -> d.department().equals(department))) {
            throw new NotFoundException("department in the assessment of " + year, department);
        }
        if (FormValues.blank(opinion)) {
            throw new InvalidInputException("opinion", "required", "the authority's opinion on the department");
        }
        if (opinion.strip().length() > 4000) {
            throw new InvalidInputException("opinion", "at-most-4000", "at most 4000 characters");
        }
        Set<String> keys = draft.indicators().stream().map(AssessmentReport.Indicator::key).collect(Collectors.toSet());
        Map<String, String> cleanNotes = new LinkedHashMap<>();
        (notes == null ? Map.<String, String>of() : notes).forEach((key, text) -> {
            if (!keys.contains(key)) {
                throw new InvalidInputException("notes." + key, "unknown-indicator", "'" + key
                        + "' is no indicator of this assessment; a note is attached to one of " + keys.stream().sorted().toList());
            }
            if (!FormValues.blank(text)) {
                cleanNotes.put(key, text.strip());
            }
        });
        List<String> points = FormValues.cleaned(improvements);
        store.saveReview(a.id(), new Assessment.Review(department, opinion.strip(), points, cleanNotes, by.login(), cases.now()));
        cases.record(cases.entry(AuditAction.ASSESSMENT_REVIEWED, a.id()).with("year", year).with("department", department)
                .with("improvements", points.size()).with("notes", cleanNotes.keySet().stream().sorted().toList()));
        cases.show(a, "assessmentSummary", summary(a));
        return reviewed(a, null);
    }

    // ---- the draft as reviewed ----

    /** The draft with the authority's words laid over it; the figures stay as computed. */
    private AssessmentReport reviewed(Assessment a, String reviewedBy) {
        AssessmentReport draft = store.draft(a.id());
        Map<String, Assessment.Review> reviews = store.reviews(a.id()).stream()
                .collect(Collectors.toMap(Assessment.Review::department, Function.identity()));
        List<AssessmentReport.DepartmentResult> results = new ArrayList<>();
        for (AssessmentReport.DepartmentResult d : draft.departments()) {
            Assessment.Review review = reviews.get(d.department());
            if (review == null) {
                results.add(d);
                continue;
            }
            Map<String, AssessmentReport.Figure> figures = new HashMap<>();
            d.figures().forEach((key, f) -> figures.put(key, new AssessmentReport.Figure(f.value(), f.score(), f.cases(),
                    review.notes().get(key))));
            results.add(new AssessmentReport.DepartmentResult(d.department(), d.name(), d.score(), d.rank(), figures,
                    review.opinion(), review.improvements()));
        }
        return new AssessmentReport(draft.year(), draft.rulePack(), draft.indicators(), results, draft.computedAt(), reviewedBy);
    }

    private List<String> missingOpinions(Assessment a) {
        Set<String> reviewed = store.reviews(a.id()).stream().map(Assessment.Review::department).collect(Collectors.toSet());
        return store.draft(a.id()).departments().stream().map(AssessmentReport.DepartmentResult::department)
                .filter(d -> !reviewed.contains(d)).toList();
    }

    /** The ranking as the review form shows it, with whose opinion is still missing. */
    private String summary(Assessment a) {
        Set<String> reviewed = store.reviews(a.id()).stream().map(Assessment.Review::department).collect(Collectors.toSet());
        AssessmentReport draft = store.draft(a.id());
        String lines = draft.departments().stream().map(d -> d.rank() + ". " + d.name() + " (" + d.department() + ") "
                + d.score().toPlainString() + (reviewed.contains(d.department()) ? " ✓ 已审阅 reviewed" : " — 待审阅 no opinion yet"))
                .collect(Collectors.joining("\n"));
        return ProcessText.fit(a.year() + "年度考核 Assessment " + a.year() + " (" + a.id() + "), " + draft.rulePack()
                + "\n" + lines, "the ranking");
    }

    private Assessment ofYear(int year) {
        return store.ofYear(year).orElseThrow(() -> new NotFoundException("assessment of year", String.valueOf(year)));
    }

    private Assessment lockedOfProcess(String processInstanceId, Assessment.Status expected) {
        Assessment a = cases.lockedOfProcess(processInstanceId);
        if (a.status() != expected) {
            throw new ConflictException("status", "not-waiting", a.id() + " is " + a.status() + ", not " + expected);
        }
        return a;
    }
}
