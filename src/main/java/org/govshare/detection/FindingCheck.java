package org.govshare.detection;

import java.time.LocalDate;
import java.util.Optional;

import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.DepartmentKind;
import org.govshare.rules.ViolationFinding;
import org.springframework.stereotype.Component;

/**
 * What a supervision rule found, checked before it is recorded: a rule author's mistake (an unknown department, no
 * subject, a day after the run's) is left out of the day's record and named in its DETECTION_RAN event, rather than
 * failing the whole run and every other finding with it, day after day.
 */
@Component
class FindingCheck {

    /** The longest subject and rule citation the register keeps. */
    private static final int MAX_SUBJECT = 128;
    private static final int MAX_RULE = 300;

    private final DepartmentDirectory departments;

    FindingCheck(DepartmentDirectory departments) {
        this.departments = departments;
    }

    /** Why the finding cannot be recorded for a run of this day, or empty when it can. */
    Optional<String> problem(ViolationFinding finding, LocalDate runDay) {
        if (finding.department() == null || departments.find(finding.department())
                .filter(d -> d.kind() == DepartmentKind.ADMINISTRATIVE).isEmpty()) {
            return Optional.of("department '" + finding.department() + "' is not an administrative department");
        }
        if (finding.type() == null) {
            return Optional.of("no violation type");
        }
        if (finding.subject() == null || finding.subject().isBlank() || finding.subject().length() > MAX_SUBJECT) {
            return Optional.of("the subject must be 1 to " + MAX_SUBJECT + " characters");
        }
        if (finding.day() == null || finding.day().isAfter(runDay)) {
            return Optional.of("the day must be given and not after " + runDay);
        }
        if (finding.citation().length() > MAX_RULE) {
            return Optional.of("the rule's name and article are longer than " + MAX_RULE + " characters");
        }
        return Optional.empty();
    }
}
