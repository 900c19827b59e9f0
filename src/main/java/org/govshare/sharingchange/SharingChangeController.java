package org.govshare.sharingchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.govshare.identity.Official;
import org.govshare.platform.web.ApiFields;
import org.govshare.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Filed retirements and service changes over HTTP (national regulation Art. 27): file, list, read, answer, decide. */
@RestController
@RequestMapping("/api/sharing-changes")
class SharingChangeController {

    /** The forms' keys, as the API's bodies name them. */
    private static final ApiFields FIELDS = new ApiFields(Map.of("holderAnswer", "answer", "answerReasons", "reasons",
            "filingDecision", "decision", "decisionReasons", "reasons"));

    private final SharingChanges changes;

    SharingChangeController(SharingChanges changes) {
        this.changes = changes;
    }

    /** Which resource, RETIREMENT or SERVICE_CHANGE, why, and from which day. */
    record Filing(@Size(max = 64) String resourceCode, String kind, @Size(max = 2000) String reasons, LocalDate effectiveOn) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SharingChange file(@Valid @RequestBody Filing body, @AuthenticationPrincipal Official me) {
        return changes.file(me, body.resourceCode(), body.kind(), body.reasons(), body.effectiveOn());
    }

    @GetMapping
    List<SharingChange> list(@AuthenticationPrincipal Official me, @RequestParam(required = false) SharingChange.Status status,
                             Paging paging) {
        return changes.list(me, status, paging.page(), paging.size());
    }

    @GetMapping("/{id}")
    SharingChange change(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return changes.visibleTo(me, id);
    }

    /** AGREE, or OBJECT with reasons. */
    record Answer(String answer, @Size(max = 2000) String reasons) {
    }

    @PostMapping("/{id}/answers")
    SharingChange answer(@PathVariable String id, @Valid @RequestBody Answer body, @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> changes.answer(me, id, body.answer(), body.reasons()));
    }

    /** ACCEPT, or REFUSE with reasons. */
    record Decision(String decision, @Size(max = 2000) String reasons) {
    }

    @PostMapping("/{id}/decision")
    SharingChange decide(@PathVariable String id, @Valid @RequestBody Decision body, @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> changes.decide(me, id, body.decision(), body.reasons()));
    }
}
