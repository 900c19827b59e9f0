package org.govshare.dispute;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.govshare.identity.Official;
import org.govshare.platform.web.ApiFields;
import org.govshare.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Disputes over HTTP: the applicant files and may withdraw, both sides give statements, the authority rules.
 * Tasklist completes the same tasks with the same checks.
 */
@RestController
@RequestMapping("/api/disputes")
class DisputeController {

    private final Disputes disputes;
    private final DisputeEscalation escalation;

    DisputeController(Disputes disputes, DisputeEscalation escalation) {
        this.disputes = disputes;
        this.escalation = escalation;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Dispute> file(@RequestBody NewDispute dispute, @AuthenticationPrincipal Official me) {
        Dispute filed = disputes.file(me, dispute);
        return ResponseEntity.created(URI.create("/api/disputes/" + filed.id())).body(filed);
    }

    @GetMapping("/{id}")
    Dispute dispute(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return disputes.visibleTo(me, id);
    }

    @GetMapping
    List<Dispute> list(@AuthenticationPrincipal Official me, @RequestParam(required = false) Dispute.Status status,
                       Paging paging) {
        return disputes.list(me, status, paging.page(), paging.size());
    }

    /** A side's written statement. */
    record StatementBody(@Size(max = 4000) String statement) {
    }

    @PostMapping("/{id}/statement")
    Dispute statement(@PathVariable String id, @Valid @RequestBody StatementBody body, @AuthenticationPrincipal Official me) {
        return disputes.giveStatement(me, id, body.statement());
    }

    /**
     * The authority's ruling.
     *
     * @param decision GRANT_AS_ASKED, GRANT_IN_PART or UPHOLD
     * @param items GRANT_IN_PART: the items granted
     * @param validUntil GRANT_IN_PART: the last day granted
     * @param conditions GRANT_IN_PART: conditions the grant carries
     * @param reasons why (required)
     * @param meeting a coordination meeting held (optional): date, attendees, outcome
     */
    record RulingBody(String decision, List<String> items, LocalDate validUntil, @Size(max = 2000) String conditions,
                      @Size(max = 4000) String reasons, @Valid Meeting meeting) {

        /** The ruling form's keys, as this body names them. */
        static final ApiFields FIELDS = new ApiFields(Map.of("rulingDecision", "decision", "rulingItems", "items",
                "rulingUntil", "validUntil", "rulingConditions", "conditions", "rulingReasons", "reasons",
                "meetingDate", "meeting.date", "meetingAttendees", "meeting.attendees", "meetingOutcome", "meeting.outcome"));

        RulingInput input() {
            return new RulingInput(decision, items, validUntil, conditions, reasons,
                    meeting == null ? null : new RulingInput.MeetingInput(meeting.date(), meeting.attendees(), meeting.outcome()));
        }
    }

    record Meeting(LocalDate date, @Size(max = 1000) String attendees, @Size(max = 4000) String outcome) {
    }

    @PostMapping("/{id}/ruling")
    Dispute rule(@PathVariable String id, @Valid @RequestBody RulingBody body, @AuthenticationPrincipal Official me) {
        return RulingBody.FIELDS.answer(() -> disputes.rule(me, id, body.input()));
    }

    /** The ruling as issued: the PDF with the authority's seal, the same bytes every time. */
    @GetMapping("/{id}/ruling.pdf")
    ResponseEntity<byte[]> ruling(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return disputes.ruling(me, id);
    }

    /** A side that does not accept the ruling takes it to the people's government (national Art. 28). */
    record EscalationBody(@Size(max = 4000) String grounds) {
    }

    @PostMapping("/{id}/escalation")
    Dispute escalate(@PathVariable String id, @Valid @RequestBody EscalationBody body, @AuthenticationPrincipal Official me) {
        return escalation.escalate(me, id, body.grounds());
    }

    /**
     * The people's government's decision, as the coordinating authority records it.
     *
     * @param reference the decision document's reference
     * @param text what it decided
     * @param outcome RULING_CONFIRMED or RULING_VARIED
     */
    record GovernmentDecisionBody(@Size(max = 100) String reference, @Size(max = 4000) String text, String outcome) {

        /** The task form's keys, as this body names them. */
        static final ApiFields FIELDS = new ApiFields(Map.of("decisionReference", "reference", "decisionText", "text",
                "decisionOutcome", "outcome"));
    }

    @PostMapping("/{id}/government-decision")
    Dispute governmentDecision(@PathVariable String id, @Valid @RequestBody GovernmentDecisionBody body,
                               @AuthenticationPrincipal Official me) {
        return GovernmentDecisionBody.FIELDS.answer(() -> escalation.recordGovernmentDecision(me, id, body.reference(),
                body.text(), body.outcome()));
    }

    @PostMapping("/{id}/withdrawal")
    Dispute withdraw(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return disputes.withdraw(me, id);
    }
}
