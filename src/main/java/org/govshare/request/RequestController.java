package org.govshare.request;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
 * Sharing requests over HTTP: an applicant asks, the provider replies, the authority escalates, the applicant may
 * withdraw. Tasklist completes the same tasks with the same checks.
 */
@RestController
@RequestMapping("/api/requests")
class RequestController {

    private final SharingRequests requests;

    RequestController(SharingRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SharingRequest> submit(@RequestBody NewRequest request, @AuthenticationPrincipal Official me) {
        SharingRequest submitted = requests.submit(me, request);
        return ResponseEntity.created(URI.create("/api/requests/" + submitted.id())).body(submitted);
    }

    @GetMapping("/{id}")
    SharingRequest request(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return requests.visibleTo(me, id);
    }

    @GetMapping
    List<SharingRequest> list(@AuthenticationPrincipal Official me, @RequestParam(required = false) String side,
                              @RequestParam(required = false) SharingRequest.Status status,
                              Paging paging) {
        return requests.list(me, side, status, paging.page(), paging.size());
    }

    /**
     * A reviewer's answer.
     *
     * @param decision APPROVE, NARROW or REFUSE (escalation: also URGE)
     * @param items NARROW: the items granted
     * @param validUntil NARROW: the last day granted
     * @param conditions NARROW: conditions added, in words
     * @param legalBasisLaw REFUSE: the law or regulation
     * @param legalBasisArticle REFUSE: its article
     * @param reasons why (NARROW, REFUSE, and every escalation decision)
     * @param unmask APPROVE, NARROW: granted personal or commercial-secret items the consumer may see unmasked
     * @param verificationKeys APPROVE, NARROW: granted masked items the consumer may match exactly (identity checks)
     * @param reasonCode REFUSE: the kind of reason, e.g. MISSING_MATERIALS (which the national pack does not accept)
     */
    record Answer(@NotBlank String decision, List<String> items, LocalDate validUntil, @Size(max = 2000) String conditions,
                  @Size(max = 300) String legalBasisLaw, @Size(max = 100) String legalBasisArticle,
                  @Size(max = 2000) String reasons, List<String> unmask,
                  List<String> verificationKeys, String reasonCode) {

        /** The review and escalation forms' keys, as this body names them. */
        static final ApiFields FIELDS = new ApiFields(Map.of("replyDecision", "decision", "escalationDecision", "decision",
                "replyItems", "items", "replyUntil", "validUntil", "replyConditions", "conditions",
                "refusalLaw", "legalBasisLaw", "refusalArticle", "legalBasisArticle", "replyReasons", "reasons",
                "replyUnmask", "unmask", "replyVerify", "verificationKeys"));

        ReplyInput input() {
            return new ReplyInput(decision, items, validUntil, conditions, legalBasisLaw, legalBasisArticle, reasons, unmask,
                    verificationKeys, RefusalReason.of(reasonCode));
        }
    }

    @PostMapping("/{id}/reply")
    SharingRequest reply(@PathVariable String id, @Valid @RequestBody Answer answer, @AuthenticationPrincipal Official me) {
        return Answer.FIELDS.answer(() -> requests.reply(me, id, answer.input()));
    }

    @PostMapping("/{id}/escalation")
    SharingRequest escalate(@PathVariable String id, @Valid @RequestBody Answer answer, @AuthenticationPrincipal Official me) {
        return Answer.FIELDS.answer(() -> requests.escalate(me, id, answer.input()));
    }

    /**
     * A decision on a step a rule pack puts around the provider's review.
     *
     * @param decision requester-approval and reply-approval: APPROVE, or REFUSE / RETURN; conformity: PASS or FAIL
     * @param reasons why; required to refuse, return or fail
     */
    record StepDecision(@NotBlank String decision, @Size(max = 2000) String reasons) {

        /** The approval forms' keys, as this body names them. */
        static final ApiFields FIELDS = new ApiFields(java.util.Arrays.stream(ApprovalStep.values())
                .flatMap(s -> java.util.stream.Stream.of(Map.entry(s.decisionKey(), "decision"), Map.entry(s.reasonsKey(), "reasons")))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The head of the applicant's sharing office sends the request on, or refuses to (national Art. 20). */
    @PostMapping("/{id}/requester-approval")
    SharingRequest requesterApproval(@PathVariable String id, @Valid @RequestBody StepDecision body,
                                     @AuthenticationPrincipal Official me) {
        return StepDecision.FIELDS.answer(() -> requests.decideStep(me, id, ApprovalStep.REQUESTER_HEAD, body.decision(), body.reasons()));
    }

    /** The sharing authority checks the request's conformity before the provider sees it. */
    @PostMapping("/{id}/conformity")
    SharingRequest conformity(@PathVariable String id, @Valid @RequestBody StepDecision body,
                              @AuthenticationPrincipal Official me) {
        return StepDecision.FIELDS.answer(() -> requests.decideStep(me, id, ApprovalStep.CONFORMITY, body.decision(), body.reasons()));
    }

    /** The provider's head lets the reviewer's reply take effect, or returns it (national Art. 20). */
    @PostMapping("/{id}/reply-approval")
    SharingRequest replyApproval(@PathVariable String id, @Valid @RequestBody StepDecision body,
                                 @AuthenticationPrincipal Official me) {
        return StepDecision.FIELDS.answer(() -> requests.decideStep(me, id, ApprovalStep.PROVIDER_HEAD, body.decision(), body.reasons()));
    }

    @PostMapping("/{id}/withdrawal")
    SharingRequest withdraw(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return requests.withdraw(me, id);
    }
}
