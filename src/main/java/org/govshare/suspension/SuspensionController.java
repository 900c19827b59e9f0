package org.govshare.suspension;

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

/** Suspensions of sharing rights over HTTP (national regulation Art. 27): suspend, list, read, and a door to each task. */
@RestController
@RequestMapping("/api/suspensions")
class SuspensionController {

    /** The forms' keys, as the API's bodies name them. */
    private static final ApiFields FIELDS = new ApiFields(Map.of("rectificationReport", "report",
            "verificationDecision", "decision", "verificationReasons", "reasons"));

    private final Suspensions suspensions;

    SuspensionController(Suspensions suspensions) {
        this.suspensions = suspensions;
    }

    /** Whose rights, which grant (none: all), and why. */
    record NewSuspension(@Size(max = 64) String department, @Size(max = 20) String grantId, @Size(max = 2000) String reasons) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Suspension suspend(@Valid @RequestBody NewSuspension body, @AuthenticationPrincipal Official me) {
        return suspensions.suspend(me, body.department(), body.grantId(), body.reasons());
    }

    @GetMapping
    List<Suspension> list(@AuthenticationPrincipal Official me, @RequestParam(required = false) Suspension.Status status,
                          Paging paging) {
        return suspensions.list(me, status, paging.page(), paging.size());
    }

    @GetMapping("/{id}")
    Suspension suspension(@PathVariable String id, @AuthenticationPrincipal Official me) {
        return suspensions.visibleTo(me, id);
    }

    record Report(@Size(max = 4000) String report) {
    }

    @PostMapping("/{id}/report")
    Suspension report(@PathVariable String id, @Valid @RequestBody Report body, @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> suspensions.report(me, id, body.report()));
    }

    /** RECTIFIED, or NOT_RECTIFIED with reasons. */
    record Verification(String decision, @Size(max = 2000) String reasons) {
    }

    @PostMapping("/{id}/verification")
    Suspension verify(@PathVariable String id, @Valid @RequestBody Verification body, @AuthenticationPrincipal Official me) {
        return FIELDS.answer(() -> suspensions.verify(me, id, body.decision(), body.reasons()));
    }
}
