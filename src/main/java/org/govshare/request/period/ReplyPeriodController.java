package org.govshare.request.period;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.govshare.identity.Official;
import org.govshare.platform.web.ApiFields;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A sharing request's reply period over HTTP (national Art. 21): the provider asks for an extension, the authority
 * decides it (Tasklist completes the same task); the provider notifies missing materials once, the applicant
 * supplements them.
 */
@RestController
@RequestMapping("/api/requests/{id}")
class ReplyPeriodController {

    private final ReplyExtensions extensions;
    private final MissingMaterials materials;

    ReplyPeriodController(ReplyExtensions extensions, MissingMaterials materials) {
        this.extensions = extensions;
        this.materials = materials;
    }

    /**
     * @param workingDays how many more working days, at most the pack's {@code reply-extension}
     * @param reasons     why the reply needs longer
     */
    record ExtensionAsked(Integer workingDays, @Size(max = 2000) String reasons) {
    }

    /**
     * @param decision APPROVE or REFUSE
     * @param reasons  why (required to refuse)
     */
    record ExtensionDecided(String decision, @Size(max = 2000) String reasons) {

        /** The decision form's keys, as this body names them. */
        static final ApiFields FIELDS = new ApiFields(Map.of("extensionDecision", "decision", "extensionComment", "reasons"));
    }

    /**
     * @param items every missing material, one per entry
     * @param note  anything the applicant should know to supplement them
     */
    record MissingItems(List<@Size(max = 500) String> items, @Size(max = 2000) String note) {
    }

    /**
     * @param materials what the applicant supplements, in words
     * @param files     the names of the documents supplemented beside it
     */
    record Supplement(@Size(max = 4000) String materials, List<@Size(max = 300) String> files) {
    }

    @PostMapping("/extension")
    ReplyExtension askExtension(@PathVariable String id, @Valid @RequestBody ExtensionAsked asked,
                                @AuthenticationPrincipal Official me) {
        return extensions.ask(me, id, asked.workingDays(), asked.reasons());
    }

    @GetMapping("/extension")
    ReplyExtension extension(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return extensions.require(me, id);
    }

    @PostMapping("/extension/decision")
    ReplyExtension decideExtension(@PathVariable String id, @Valid @RequestBody ExtensionDecided decided,
                                   @AuthenticationPrincipal Official me) {
        return ExtensionDecided.FIELDS.answer(() -> extensions.decide(me, id, decided.decision(), decided.reasons()));
    }

    @PostMapping("/missing-materials")
    MaterialsNotice notifyMissing(@PathVariable String id, @Valid @RequestBody MissingItems missing,
                                  @AuthenticationPrincipal Official me) {
        return materials.sendNotice(me, id, missing.items(), missing.note());
    }

    @GetMapping("/missing-materials")
    MaterialsNotice notice(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return materials.require(me, id);
    }

    @PostMapping("/supplement")
    MaterialsNotice supplement(@PathVariable String id, @Valid @RequestBody Supplement supplement,
                               @AuthenticationPrincipal Official me) {
        return materials.supplement(me, id, supplement.materials(), supplement.files());
    }
}
