package org.govshare.detection;

import java.net.URI;

import org.govshare.identity.Official;
import org.govshare.supervision.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The authority starts a detection run by hand, and confirms or dismisses a suspected violation. */
@RestController
class DetectionController {

    private final Detection detection;
    private final SuspectedReviews reviews;

    DetectionController(Detection detection, SuspectedReviews reviews) {
        this.detection = detection;
        this.reviews = reviews;
    }

    /** What a started run answers: where to follow it; the findings are its process variables and the register. */
    record Run(String processInstanceId, String day, String cockpit) {
    }

    /** A decision's body: {@code {"reason": "..."}}, required for a dismissal. */
    record Decision(String reason) {
    }

    @PostMapping("/api/detection/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Run> start(@AuthenticationPrincipal Official me) {
        String instance = detection.start(me);
        return ResponseEntity.accepted().location(URI.create("/engine-rest/process-instance/" + instance))
                .body(new Run(instance, detection.today().toString(),
                        "/camunda/app/cockpit/default/#/process-instance/" + instance));
    }

    @PostMapping("/api/violations/{id}/confirm")
    Violation confirm(@PathVariable String id, @RequestBody(required = false) Decision body,
                      @AuthenticationPrincipal Official me) {
        return reviews.confirm(me, id, body == null ? null : body.reason());
    }

    @PostMapping("/api/violations/{id}/dismiss")
    Violation dismiss(@PathVariable String id, @RequestBody(required = false) Decision body,
                      @AuthenticationPrincipal Official me) {
        return reviews.dismiss(me, id, body == null ? null : body.reason());
    }
}
