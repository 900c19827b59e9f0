package org.govshare.catalog;

import static org.govshare.platform.FormValues.blank;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.govshare.calendar.Today;
import org.govshare.platform.EvidenceFile;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.govshare.platform.web.InvalidInputException.InputError;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.vocabulary.Sensitivity;
import org.springframework.stereotype.Component;

/**
 * Checks the assessments of a catalog submission (Art. 13 of the national regulation) when the pack turns the step
 * {@code submission-assessments} on; under a pack that does not, a submission carries none.
 */
@Component
class AssessmentChecks {

    private final PackInForce pack;
    private final CatalogProperties properties;
    private final Today today;

    AssessmentChecks(PackInForce pack, CatalogProperties properties, Today today) {
        this.pack = pack;
        this.properties = properties;
        this.today = today;
    }

    /** Whether submissions record assessments and go to their department head first. */
    boolean required() {
        return pack.on(OptionalStep.SUBMISSION_ASSESSMENTS);
    }

    /** Refuses, 409 step-off, what only the step {@code submission-assessments} does. */
    void requireStep(String consequence) {
        StepOff.require(pack, OptionalStep.SUBMISSION_ASSESSMENTS, consequence);
    }

    /**
     * The assessments, checked against the entry they assess; empty under a pack without the step.
     *
     * @param assessments as submitted, or null
     */
    List<SubmissionAssessments.Checked> check(SubmissionAssessments assessments, CatalogEntry entry) {
        if (!required()) {
            if (assessments != null && (assessments.secrecy() != null || assessments.personalInformation() != null)) {
                throw StepOff.of(pack, OptionalStep.SUBMISSION_ASSESSMENTS, "submissions carry no assessments");
            }
            return List.of();
        }
        List<InputError> errors = new ArrayList<>();
        List<SubmissionAssessments.Checked> checked = new ArrayList<>();
        for (SubmissionAssessments.Kind kind : SubmissionAssessments.Kind.values()) {
            SubmissionAssessments.Assessment assessment = assessments == null ? null : assessments.of(kind);
            check(kind, assessment, entry, errors).ifPresent(checked::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return checked;
    }

    private Optional<SubmissionAssessments.Checked> check(SubmissionAssessments.Kind kind, SubmissionAssessments.Assessment a,
                                                           CatalogEntry entry, List<InputError> errors) {
        String field = kind.field();
        if (a == null || a.done() == null) {
            errors.add(new FieldError(field, "required", "record the " + kind.label()
                    + " (Art. 13): done, when, by whom, and its report"));
            return Optional.empty();
        }
        if (!a.done()) {
            // an entry without personal data items has no personal information to assess; secrecy always has
            boolean personal = entry.items().stream().anyMatch(i -> i.sensitivity() == Sensitivity.PERSONAL);
            if (kind == SubmissionAssessments.Kind.SECRECY || personal) {
                errors.add(new FieldError(field + ".done", "assessment-done", "the " + kind.label()
                        + " is done before the entry is submitted (Art. 13)"
                        + (personal ? ": the entry has personal data items" : "")));
                return Optional.empty();
            }
            return Optional.of(new SubmissionAssessments.Checked(new SubmissionAssessments.Recorded(kind, false, null, null, null), null));
        }
        int before = errors.size();
        if (a.doneOn() == null) {
            errors.add(new FieldError(field + ".doneOn", "required", "the day the assessment was completed"));
        } else if (a.doneOn().isAfter(today.date())) {
            errors.add(new FieldError(field + ".doneOn", "not-in-future", "an assessment is completed before it is recorded"));
        }
        if (blank(a.doneBy()) || a.doneBy().strip().length() > 200) {
            errors.add(new FieldError(field + ".doneBy", "required-at-most-200",
                    "who carried out the assessment, in at most 200 characters"));
        }
        EvidenceFile.Checked file;
        try {
            file = (a.file() == null ? new EvidenceFile(null, null, null) : a.file())
                    .checked(field + ".file", properties.maxAssessmentSize(), properties.assessmentTypes());
        } catch (InvalidInputException refused) {
            errors.addAll(refused.errors());
            return Optional.empty();
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new SubmissionAssessments.Checked(
                new SubmissionAssessments.Recorded(kind, true, a.doneOn(), a.doneBy().strip(), file), a.file().content()));
    }

    /**
     * Refuses a way of submitting that cannot carry the assessments' reports (a spreadsheet), under a pack that asks
     * every submission for them.
     */
    void refuseWithoutReports(String way) {
        if (required()) {
            throw new ConflictException("file", "assessments-per-submission", "the rule pack "
                    + pack.get().name() + " asks every submission for its secrecy and personal-information assessments"
                    + " with their reports, and its head's approval (Art. 13 of the national regulation), which " + way
                    + " cannot carry: submit each entry with POST /api/catalog/submissions");
        }
    }

    /** Whether the pack in force asks for the assessments and the head's approval of a submission (Art. 13). */
    boolean headApprovalAsked() {
        return pack.on(org.govshare.rules.OptionalStep.SUBMISSION_ASSESSMENTS);
    }
}
