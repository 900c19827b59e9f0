package org.govshare.collection;

import java.net.URI;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Collection consultations over HTTP: a department asks who collects, the departments named answer, the authority
 * rules, the collector registers the resource. Tasklist completes the same tasks with the same checks.
 */
@RestController
@RequestMapping("/api/consultations")
class ConsultationController {

    /** The answer and ruling forms' keys, as the API's bodies name them. */
    private static final ApiFields FIELDS = new ApiFields(Map.of("consultationAnswer", "answer", "answerReasons", "reasons",
            "rulingDecision", "decision", "rulingReasons", "reasons"));

    private final Consultations consultations;

    ConsultationController(Consultations consultations) {
        this.consultations = consultations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Consultation> start(@RequestBody NewConsultation asked, @AuthenticationPrincipal Official me) {
        Consultation started = consultations.start(me, asked);
        return ResponseEntity.created(URI.create("/api/consultations/" + started.id())).body(started);
    }

    @GetMapping
    List<Consultation> list(@AuthenticationPrincipal Official me, Paging paging) {
        return consultations.list(me, paging.page(), paging.size());
    }

    @GetMapping("/{id}")
    Consultation consultation(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return consultations.visibleTo(me, id);
    }

    /**
     * @param answer WE_COLLECT, OUR_DUTY or NOT_OURS
     * @param reasons why (required for NOT_OURS)
     */
    record Answer(@NotBlank String answer, @Size(max = 2000) String reasons) {
    }

    @PostMapping("/{id}/answer")
    Consultation answer(@PathVariable String id, @Valid @RequestBody Answer answer, @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> consultations.answer(me, id, answer.answer(), answer.reasons()));
    }

    /**
     * @param decision ASSIGN or HAND_TO_AUTHORITY
     * @param collectingDepartment who collects and registers
     * @param businessAuthority HAND_TO_AUTHORITY: the business authority it is handed to
     * @param reasons why (required)
     */
    record Ruling(@NotBlank String decision, String collectingDepartment, String businessAuthority,
                  @Size(max = 2000) String reasons) {
    }

    @PostMapping("/{id}/ruling")
    Consultation rule(@PathVariable String id, @Valid @RequestBody Ruling ruling, @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> consultations.rule(me, id, ruling.decision(), ruling.collectingDepartment(),
                ruling.businessAuthority(), ruling.reasons()));
    }

    /** @param submissionId the collector's catalog submission that registers the resource */
    record Registration(@NotBlank String submissionId) {
    }

    @PostMapping("/{id}/registration")
    Consultation register(@PathVariable String id, @Valid @RequestBody Registration registration,
                          @AuthenticationPrincipal Official me) {
        return consultations.register(me, id, registration.submissionId());
    }
}
