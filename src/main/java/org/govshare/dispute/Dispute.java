package org.govshare.dispute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govshare.cases.Case;
import org.govshare.identity.Tier;

/**
 * A dispute (Art. 18) as stored: the request it contests, what the applicant asks and why, both sides' written
 * statements (or that a side let its deadline pass), the coordination meetings, the authority's ruling and the grant
 * it issued.
 *
 * @param id the case number, e.g. {@code ZY-2026-000001}; also the process's business key
 * @param requestId the sharing request contested
 * @param statementDue end of the working-day deadline for both statements
 * @param applicantMissed the applicant gave no statement by the deadline; the case went on without it
 * @param providerMissed the provider gave no statement by the deadline
 * @param grantId the grant a granting ruling issued
 * @param coordination who coordinates and why (national Art. 28); null under a pack without cross-level disputes
 * @param escalationDue until when a side may take the ruling to the people's government (national Art. 28)
 * @param escalation the side that did, and why
 * @param governmentDecision the people's government's decision, as the authority recorded it: final
 */
public record Dispute(String id, String requestId, String applicantDepartment, String providerDepartment, String filedBy,
                      Instant filedAt, Claim claim, Status status, Instant statementDue, Statement applicantStatement,
                      Statement providerStatement, boolean applicantMissed, boolean providerMissed, List<Meeting> meetings,
                      Ruling ruling, String grantId, Coordination coordination, Instant escalationDue, Escalation escalation,
                      GovernmentDecision governmentDecision, String processInstanceId, Instant closedAt) implements Case {

    @Override
    public boolean concerns(String department) {
        return applicantDepartment.equals(department) || providerDepartment.equals(department);
    }

    public enum Status {
        /** statements asked for, or waiting for the ruling */
        OPEN,
        /** ruled for the applicant, wholly or in part: a grant was issued */
        GRANTED,
        /** ruled for the provider: the refusal or the narrowing stands */
        UPHELD,
        WITHDRAWN,
        /** a side did not accept the ruling and took it to the authority's people's government (national Art. 28) */
        ESCALATED,
        /** the people's government decided; its decision is final */
        DECIDED
    }

    /** The two parties. */
    public enum Side {
        APPLICANT,
        PROVIDER
    }

    /**
     * What the applicant asks for.
     *
     * @param items the items it asks to be granted (empty: all the request asked for)
     * @param validUntil the last day it asks for (null: as the request asked)
     * @param withoutAddedConditions it asks for the grant without the conditions the reply added
     * @param grounds why, in words
     */
    public record Claim(List<String> items, LocalDate validUntil, boolean withoutAddedConditions, String grounds) {
    }

    /** A side's written statement. */
    public record Statement(String by, Instant at, String text) {
    }

    /** A coordination meeting the authority held. */
    public record Meeting(LocalDate date, String attendees, String outcome, String recordedBy, Instant recordedAt) {
    }

    /**
     * The authority's ruling; it binds both sides.
     *
     * @param items the items granted (GRANT_AS_ASKED, GRANT_IN_PART)
     * @param validUntil the last day granted
     * @param conditions the conditions the grant carries beyond the resource's own (GRANT_IN_PART may set them)
     */
    public record Ruling(RulingDecision decision, List<String> items, LocalDate validUntil, String conditions,
                         String reasons, String by, Instant at) {
    }

    /**
     * Who coordinates the dispute (national Art. 28): the authority of the same level when both departments sit at the
     * same tier in the same region, else the common higher authority.
     *
     * @param level SAME_LEVEL or COMMON_HIGHER, the paragraph of Art. 28 that applies
     * @param authority the coordinating authority's department code
     * @param authorityTier the tier it sits at
     * @param reason the departments' tiers and regions, in words
     */
    public record Coordination(Level level, String authority, Tier authorityTier, String reason) {

        public enum Level {
            /** departments of one tier and region: their own authority coordinates */
            SAME_LEVEL,
            /** across tiers or regions: the common higher authority coordinates */
            COMMON_HIGHER
        }
    }

    /** A side that does not accept the ruling takes it to the coordinating authority's people's government. */
    public record Escalation(Side side, String by, Instant at, String grounds) {
    }

    /**
     * The people's government's decision, recorded by the coordinating authority; it is final.
     *
     * @param reference the decision document's number, e.g. {@code 郑政〔2026〕12号}
     * @param text what the government decided, in words
     * @param outcome whether it confirms the ruling or decides otherwise
     */
    public record GovernmentDecision(String reference, String text, GovernmentOutcome outcome, String recordedBy,
                                     Instant at) {
    }

    /** What the people's government decided of the ruling. */
    public enum GovernmentOutcome {
        /** the ruling stands */
        RULING_CONFIRMED,
        /** the government decided otherwise; its text says how, and the authority carries it out */
        RULING_VARIED
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    public String departmentOf(Side side) {
        return side == Side.APPLICANT ? applicantDepartment : providerDepartment;
    }
}
