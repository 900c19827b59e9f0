package org.govshare.catalog;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
 * Changes of law or duties and the catalog updates they oblige (Art. 17 of the national regulation). Under a pack
 * without the step {@code catalog-update-duty} every endpoint answers 409 {@code step-off}.
 */
@RestController
@RequestMapping("/api/catalog/changes")
class CatalogChangeController {

    private final CatalogChanges changes;

    CatalogChangeController(CatalogChanges changes) {
        this.changes = changes;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CatalogChange> record(@RequestBody CatalogChanges.NewChange change, @AuthenticationPrincipal Official me) {
        CatalogChange recorded = changes.record(me, change);
        return ResponseEntity.created(URI.create("/api/catalog/changes/" + recorded.id())).body(recorded);
    }

    @GetMapping
    List<CatalogChange> list(@RequestParam(required = false) String department, @AuthenticationPrincipal Official me,
                             Paging paging) {
        return changes.of(me, department == null ? me.department() : department, paging.page(), paging.size());
    }

    @GetMapping("/{id}")
    CatalogChange change(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return changes.visibleTo(me, id);
    }

    record Answer(@NotNull @Size(min = 1, max = 50) List<String> submissionIds) {
    }

    /** The department names the submissions that update its catalog for the change. */
    @PostMapping("/{id}/answer")
    CatalogChange answer(@PathVariable String id, @Valid @RequestBody Answer answer, @AuthenticationPrincipal Official me) {
        return changes.answer(me, id, answer.submissionIds());
    }

    record ExtensionRequest(@Size(max = 2000) String reason) {

        /** The update form's keys, as this body names them. */
        static final ApiFields FIELDS = new ApiFields(Map.of("extensionReason", "reason"));
    }

    /** The department asks the authority, once and before the deadline, for the longer update period. */
    @PostMapping("/{id}/extension")
    CatalogChange askExtension(@PathVariable String id, @Valid @RequestBody ExtensionRequest request,
                               @AuthenticationPrincipal Official me) {
        return ExtensionRequest.FIELDS.answer(() -> changes.askExtension(me, id, request.reason()));
    }

    record ExtensionDecision(String decision, @Size(max = 2000) String comment) {

        /** The extension form's keys, as this body names them. */
        static final ApiFields FIELDS = new ApiFields(Map.of("extensionDecision", "decision", "extensionComment", "comment"));
    }

    /** The authority consents to the extension (CONSENT) or refuses it with reasons (REFUSE). */
    @PostMapping("/{id}/extension-decision")
    CatalogChange decideExtension(@PathVariable String id, @Valid @RequestBody ExtensionDecision decision,
                                  @AuthenticationPrincipal Official me) {
        return ExtensionDecision.FIELDS.answer(() -> changes.decideExtension(me, id, decision.decision(), decision.comment()));
    }
}
