package org.govshare.anchor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.govshare.platform.web.Attachments;
import org.govshare.platform.web.NotFoundException;
import org.govshare.platform.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit chain's checkpoints over HTTP, beside the audit trail and with its access rule (the authority and
 * supervisors): the list, one checkpoint, its parts as files openssl reads, and a checkpoint made on demand.
 */
@RestController
@RequestMapping("/api/audit/checkpoints")
class CheckpointController {

    private final AuditAnchors anchors;
    private final CheckpointSeals seals;

    CheckpointController(AuditAnchors anchors, CheckpointSeals seals) {
        this.anchors = anchors;
        this.seals = seals;
    }

    @GetMapping
    List<CheckpointView> list(Paging paging) {
        return anchors.newestFirst(paging.page() * paging.size(), paging.size()).stream()
                .map(CheckpointView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CheckpointView make() {
        return CheckpointView.of(anchors.checkpointNow());
    }

    @GetMapping("/{number}")
    CheckpointView one(@PathVariable long number) {
        return CheckpointView.of(find(number));
    }

    @GetMapping("/{number}/statement")
    ResponseEntity<byte[]> statement(@PathVariable long number) {
        return Attachments.download("checkpoint-" + number + ".json", "application/json", find(number).statement());
    }

    @GetMapping("/{number}/timestamp")
    ResponseEntity<byte[]> timestamp(@PathVariable long number) {
        return Attachments.download("checkpoint-" + number + ".tst", "application/timestamp-token",
                find(number).timestampToken());
    }

    @GetMapping("/{number}/seal")
    ResponseEntity<byte[]> seal(@PathVariable long number) {
        return Attachments.download("checkpoint-" + number + ".p7s", "application/pkcs7-signature",
                find(number).seal());
    }

    @GetMapping("/{number}/certificates")
    ResponseEntity<byte[]> certificates(@PathVariable long number) {
        return Attachments.download("checkpoint-" + number + "-certificates.pem", "application/x-pem-file",
                seals.certificatesPem(find(number), false).getBytes(StandardCharsets.US_ASCII));
    }

    @GetMapping("/{number}/root")
    ResponseEntity<byte[]> root(@PathVariable long number) {
        return Attachments.download("checkpoint-" + number + "-root.pem", "application/x-pem-file",
                seals.certificatesPem(find(number), true).getBytes(StandardCharsets.US_ASCII));
    }

    private Checkpoint find(long number) {
        return anchors.checkpoint(number).orElseThrow(() -> new NotFoundException("audit checkpoint",
                Long.toString(number)));
    }

    /**
     * A checkpoint as the API shows it, with where its parts are.
     *
     * @param number its number
     * @param firstSeq the first event it covers
     * @param lastSeq the last event it covers
     * @param headHash the chain hash of event {@code lastSeq}
     * @param merkleRoot the root over the events it covers
     * @param at when it was made
     * @param statement the statement itself (one line of JSON), for reading; its file is the exact bytes
     * @param parts the paths of its files: statement, timestamp token, seal, certificates and the roots alone
     */
    record CheckpointView(long number, long firstSeq, long lastSeq, String headHash, String merkleRoot, Instant at,
                          String statement, Parts parts) {

        static CheckpointView of(Checkpoint c) {
            String base = "/api/audit/checkpoints/" + c.number();
            return new CheckpointView(c.number(), c.firstSeq(), c.lastSeq(), c.headHash(), c.merkleRoot(), c.at(),
                    new String(c.statement(), StandardCharsets.UTF_8), new Parts(base + "/statement",
                    base + "/timestamp", base + "/seal", base + "/certificates", base + "/root"));
        }
    }

    /** Where a checkpoint's files are. */
    record Parts(String statement, String timestamp, String seal, String certificates, String root) {
    }
}
