package org.govshare.collection;

import java.time.Instant;
import java.util.List;

import org.govshare.cases.Case;

/**
 * A collection consultation (Art. 9): a department needs information no published resource provides, and asks the
 * business authorities it names who collects it.
 *
 * @param id the case number, e.g. XS-2026-000001 (the process's business key)
 * @param information what is wanted, in words
 * @param items the data items wanted, by name
 * @param needId the need of the needs register (Art. 15) it answers, if one was cited
 * @param answers one per department consulted, in the order named
 * @param collectingDepartment who collects: the one department that accepted, or the authority's ruling
 * @param businessAuthority HAND_TO_AUTHORITY rulings: the business authority the collected information is handed to
 * @param submissionId the collecting department's catalog submission registering the resource
 * @param resourceCode that resource's code
 */
public record Consultation(String id, String demandingDepartment, String requestedBy, Instant requestedAt,
                           String information, List<String> items, String purpose, String legalDuty, String needId,
                           Status status, Instant answerDue, List<Answer> answers, String collectingDepartment,
                           String businessAuthority, Ruling ruling, String submissionId, String resourceCode,
                           String processInstanceId, Instant closedAt) implements Case {

    public enum Status {
        /** the departments named are answering */
        CONSULTING,
        /** no single acceptance by the deadline: the sharing authority rules who collects */
        RULING,
        /** the collecting department registers the resource in its catalog */
        REGISTERING,
        /** the resource is published: collected, the need (if any) met */
        COLLECTED
    }

    /** What a consulted department said. */
    public enum AnswerKind {
        /** "we collect it" */
        WE_COLLECT,
        /** "it is our statutory duty and we will collect it" */
        OUR_DUTY,
        /** "it is not ours" (with reasons) */
        NOT_OURS,
        /** no answer by the deadline */
        SILENT;

        boolean accepts() {
            return this == WE_COLLECT || this == OUR_DUTY;
        }
    }

    /** The sharing authority's ruling. */
    public enum RulingDecision {
        /** the named department, the business authority, collects and registers it */
        ASSIGN,
        /** the named department collects and registers it, and hands it to the business authority (Art. 9, last sentence) */
        HAND_TO_AUTHORITY
    }

    /** A consulted department's answer; {@code answer} is null while it has not answered. */
    public record Answer(String department, AnswerKind answer, String reasons, String answeredBy, Instant answeredAt) {
    }

    public record Ruling(RulingDecision decision, String reasons, String by, Instant at) {
    }

    @Override
    public boolean concerns(String department) {
        return demandingDepartment.equals(department) || answers.stream().anyMatch(a -> a.department().equals(department))
                || department.equals(collectingDepartment) || department.equals(businessAuthority);
    }
}
