package org.govshare.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govshare.cases.Case;
import org.govshare.supervision.ViolationType;

/**
 * A complaint (Art. 32) as stored: who complains of whom, the Art. 33 act alleged, the facts and the evidence cited,
 * the sharing authority it was routed to, the investigation's deadlines, the respondent's statement (or that it let
 * the deadline pass), and the finding.
 *
 * @param id the case number, e.g. {@code TS-2026-000001}; also the process's business key
 * @param occurredOn the day the act complained of happened (for a continuing act, the day it began)
 * @param citedCases case numbers of the platform the complainant's department is party to
 * @param citedEvents ids of audit events the complainant's department may cite
 * @param files the files attached, numbered from 1 (their bytes are read only when downloaded)
 * @param authorityDepartment the sharing authority the complaint was routed to: the respondent's tier and region's,
 *                            or the municipal authority where that has none
 * @param reminded the authority was reminded that the investigation is nearly due
 * @param escalated the investigation ran past its deadline and the supervisors were told
 * @param statementMissed the respondent gave no statement by its deadline; the investigation went on without it
 * @param violationId the violation a substantiated finding opened
 * @param publicComplainant the citizen or organisation whose complaint an official lodged (national Art. 37), masked
 *                          for everyone but the authority handling it; null for a department's own complaint
 */
public record Complaint(String id, String complainantDepartment, String lodgedBy, Instant lodgedAt,
                        String respondentDepartment, ViolationType violationType, String facts, LocalDate occurredOn,
                        List<String> citedCases, List<String> citedEvents, List<File> files, String authorityDepartment,
                        Status status, Instant investigationDue, boolean reminded, boolean escalated,
                        Instant statementDue, Statement statement, boolean statementMissed, Finding finding,
                        String violationId, PublicComplainant publicComplainant, String processInstanceId,
                        Instant closedAt) implements Case {

    @Override
    public boolean concerns(String department) {
        return complainantDepartment.equals(department) || respondentDepartment.equals(department);
    }

    public enum Status {
        /** being investigated (a statement may be asked for meanwhile) */
        INVESTIGATING,
        /** found substantiated: a violation was opened */
        SUBSTANTIATED,
        /** found not substantiated, with reasons */
        NOT_SUBSTANTIATED,
        /** withdrawn by the complainant before the finding */
        WITHDRAWN
    }

    /** The authority's finding. */
    public enum Outcome {
        SUBSTANTIATED,
        NOT_SUBSTANTIATED
    }

    /** A file attached, as kept besides its bytes. */
    public record File(int n, String name, String type, long size) {
    }

    /** The respondent's written statement. */
    public record Statement(String by, Instant at, String text) {
    }

    /** The finding, with its reasons; who made it and when. */
    public record Finding(Outcome outcome, String reasons, String by, Instant at) {
    }

    /**
     * A citizen or an organisation complaining of sharing that harmed its rights (national Art. 37): its name and how
     * to reach it, personal data the platform keeps sealed.
     */
    public record PublicComplainant(Kind kind, String name, String contact) {

        public enum Kind { CITIZEN, ORGANISATION }
    }

    /** The same complaint showing another form of its public complainant (the masked one, or the clear one). */
    Complaint showing(PublicComplainant shown) {
        return new Complaint(id, complainantDepartment, lodgedBy, lodgedAt, respondentDepartment, violationType, facts,
                occurredOn, citedCases, citedEvents, files, authorityDepartment, status, investigationDue, reminded,
                escalated, statementDue, statement, statementMissed, finding, violationId, shown, processInstanceId,
                closedAt);
    }

    public boolean open() {
        return status == Status.INVESTIGATING;
    }

    /** A statement was asked for and is neither given nor missed yet. */
    public boolean awaitingStatement() {
        return statementDue != null && statement == null && !statementMissed;
    }
}
