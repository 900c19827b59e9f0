package org.govshare.dispute;

import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.calendar.Deadline;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.Cases;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.FormValues;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * National Art. 28, last sentence: where the authority's coordination leaves the departments in disagreement, the
 * authority's people's government decides. Under a pack with the step {@code cross-level-disputes}, a ruled dispute
 * waits for the escalation period: a side that does not accept the ruling takes it further, and the coordinating
 * authority records the government's decision (its document's reference and text), which is final; otherwise the
 * ruling stands as final when the period ends. The steps of that part of {@code dispute-coordination}.
 */
@Service
public class DisputeEscalation {

    public static final String ESCALATE_MESSAGE = "escalate-dispute";
    static final String GOVERNMENT_DECISION = "Task_RecordGovernmentDecision";

    private final Disputes disputes;
    private final DisputeStore store;
    private final Cases<Dispute> cases;
    private final PackInForce pack;

    DisputeEscalation(Disputes disputes, DisputeStore store, CaseEngine engine, PackInForce pack) {
        this.disputes = disputes;
        this.store = store;
        this.cases = engine.cases(Disputes.KIND, store.rows());
        this.pack = pack;
    }

    /** The ruling is made: both sides may take it to the people's government within the pack's period. */
    public void openEscalation(String processInstanceId) {
        Dispute dispute = cases.lockedOfProcess(processInstanceId);
        Instant due = cases.due(Deadline.DISPUTE_ESCALATION);
        store.setEscalationDue(dispute.id(), due);
        disputes.tellBothSides(dispute, "DISPUTE_ESCALATION_OPEN", "争议裁决 " + dispute.id() + ": may be taken to the"
                + " people's government until " + due, "a side that does not accept the ruling may ask, with grounds, that "
                + coordinator(dispute) + " report it to its people's government for decision (Art. 28)");
    }

    /**
     * The authority that coordinated the dispute: the one recorded at filing, or the platform's for a dispute filed
     * while the pack in force left the step off and ruled after it was turned on.
     */
    private String coordinator(Dispute dispute) {
        return dispute.coordination() == null ? cases.workgroups().authorityDepartment()
                : dispute.coordination().authority();
    }

    /** The end of the escalation period, for its timer. */
    public Date escalationDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).escalationDue());
    }

    /** Nobody escalated in time: the ruling stands as final. */
    public void recordRulingFinal(String processInstanceId) {
        Dispute dispute = cases.lockedOfProcess(processInstanceId);
        cases.record(cases.entry(AuditAction.DISPUTE_RULING_FINAL, dispute.id())
                .with("escalationDue", dispute.escalationDue().toString()));
        disputes.tellBothSides(dispute, "DISPUTE_RULING_FINAL", "争议裁决生效 " + dispute.id() + ": the ruling is final",
                "neither side took it to the people's government by " + dispute.escalationDue());
    }

    /**
     * A side does not accept the ruling: checked (a side of the dispute, within the period, with grounds), recorded,
     * and the process waits for the government's decision. A dispute never given the period is refused with step-off
     * while the pack leaves the step off, whatever pack it was ruled under.
     */
    @Transactional
    public Dispute escalate(Official by, String id, String grounds) {
        Dispute dispute = cases.locked(id);
        Dispute.Side side = Disputes.sideOf(by, dispute, "escalations");
        if (dispute.escalationDue() == null) {
            pack.require(OptionalStep.CROSS_LEVEL_DISPUTES);
            throw new ConflictException("status", "escalation-after-ruling", id + " is " + dispute.status()
                    + "; a dispute is taken to the people's government once ruled, under a pack with cross-level-disputes");
        }
        if (dispute.escalation() != null || cases.now().isAfter(dispute.escalationDue())) {
            throw new ConflictException("status", "escalation-period", id + " may be taken to the people's government once,"
                    + " until " + dispute.escalationDue() + (dispute.escalation() == null ? "" : "; "
                    + dispute.escalation().side().name().toLowerCase() + " did so at " + dispute.escalation().at()));
        }
        if (blank(grounds) || grounds.strip().length() > 4000) {
            throw new InvalidInputException("grounds", "grounds-required", "say why the ruling is not accepted, in at most"
                    + " 4000 characters");
        }
        Dispute.Escalation escalation = new Dispute.Escalation(side, by.login(), cases.now(), grounds.strip());
        store.escalate(id, escalation);
        cases.record(cases.entry(AuditAction.DISPUTE_ESCALATED, id).with("side", side)
                .with("to", coordinator(dispute)).because(escalation.grounds()));
        cases.correlate(ESCALATE_MESSAGE, dispute);
        String subject = "争议报请政府决定 " + id + " taken to the people's government";
        String body = dispute.departmentOf(side) + " does not accept the ruling: " + escalation.grounds();
        disputes.tellBothSides(dispute, "DISPUTE_ESCALATED", subject, body);
        cases.send(cases.workgroup(coordinator(dispute), Role.AUTHORITY), "DISPUTE_ESCALATED", subject,
                body + ". Report it to the people's government and record its decision", id);
        return cases.require(id);
    }

    /**
     * The coordinating authority records the people's government's decision, checked against the stored dispute: the
     * decision document's reference, its text and whether it confirms the ruling. Final; both sides are told.
     */
    public void recordGovernmentDecision(String processInstanceId, VariableScope form) {
        Dispute dispute = cases.lockedOfProcess(processInstanceId);
        Actor actor = cases.actorOf(coordinator(dispute), "the government's decision on " + dispute.id()
                + " is recorded by " + coordinator(dispute));
        String reference = FormValues.text(form, "decisionReference");
        String text = FormValues.text(form, "decisionText");
        String outcomeText = FormValues.text(form, "decisionOutcome");
        Dispute.GovernmentOutcome outcome = Arrays.stream(Dispute.GovernmentOutcome.values())
                .filter(o -> o.name().equals(outcomeText == null ? "" : outcomeText.strip())).findFirst().orElse(null);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (blank(reference) || reference.strip().length() > 100) {
            errors.add(new InvalidInputException.FieldError("decisionReference", "decision-reference",
                    "the decision document's reference, e.g. 郑政〔2026〕12号, in at most 100 characters"));
        }
        if (blank(text) || text.strip().length() > 4000) {
            errors.add(new InvalidInputException.FieldError("decisionText", "decision-text",
                    "what the government decided, in at most 4000 characters"));
        }
        if (outcome == null) {
            errors.add(new InvalidInputException.FieldError("decisionOutcome", "unknown-value",
                    "RULING_CONFIRMED or RULING_VARIED"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Dispute.GovernmentDecision decision = new Dispute.GovernmentDecision(reference.strip(), text.strip(), outcome,
                actor.id(), cases.now());
        store.decide(dispute.id(), decision, cases.now());
        cases.record(cases.entry(AuditAction.DISPUTE_GOVERNMENT_DECISION_RECORDED, dispute.id())
                .with("reference", decision.reference()).with("outcome", outcome).because(decision.text()));
        disputes.tellBothSides(dispute, "DISPUTE_DECIDED", "政府决定 " + dispute.id() + ": " + decision.reference()
                + " (final)", outcome + ": " + decision.text());
    }

    /** The authority records the government's decision through the API. */
    @Transactional
    public Dispute recordGovernmentDecision(Official by, String id, String reference, String text, String outcome) {
        if (!by.has(Role.AUTHORITY)) {
            throw new AccessDeniedException("the government's decision is recorded by the coordinating authority");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("decisionReference", reference);
        variables.put("decisionText", text);
        variables.put("decisionOutcome", outcome);
        return cases.complete(cases.require(id), GOVERNMENT_DECISION, variables, "does not wait for a government decision");
    }
}
