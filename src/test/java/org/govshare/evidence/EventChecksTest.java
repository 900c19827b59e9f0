package org.govshare.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.govshare.anchor.CheckpointStatement;
import org.govshare.anchor.MerkleProof;
import org.govshare.anchor.MerkleTree;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditChain;
import org.govshare.audit.AuditEvent;
import org.govshare.audit.Outcome;
import org.junit.jupiter.api.Test;

/** The audit events of a package, checked without the platform: hash, link, Merkle proof. */
class EventChecksTest {

    /** A chain of five events (seq 11 to 15) after a head of all ones, and a checkpoint over all five. */
    private static final List<AuditEvent> CHAIN = chain();
    private static final CheckpointStatement CHECKPOINT = new CheckpointStatement(3, 11, 15, 5,
            CHAIN.get(4).hash(), MerkleTree.root(CHAIN.stream().map(AuditEvent::hash).toList()), 2, "2".repeat(64),
            Instant.parse("2026-12-03T10:00:00Z"));

    private static List<AuditEvent> chain() {
        List<AuditEvent> events = new ArrayList<>();
        String before = "1".repeat(64);
        for (long seq = 11; seq <= 15; seq++) {
            AuditEvent draft = new AuditEvent(seq, "e-" + seq, Instant.parse("2026-12-03T09:00:00.123456Z").plusSeconds(seq),
                    "gaj.zhang", "public-security", AuditAction.REQUEST_SUBMITTED, "sharing-request", "GX-2026-000001",
                    Outcome.OK, null, "c-" + seq, "{\"n\":" + seq + "}", before, null);
            String hash = AuditChain.hash(before, draft);
            events.add(new AuditEvent(seq, draft.id(), draft.time(), draft.actor(), draft.actorDepartment(), draft.action(),
                    draft.objectType(), draft.objectId(), draft.outcome(), draft.reason(), draft.correlationId(),
                    draft.details(), before, hash));
            before = hash;
        }
        return events;
    }

    private static PackagedEvent packaged(int index) {
        List<String> hashes = CHAIN.stream().map(AuditEvent::hash).toList();
        AuditEvent event = CHAIN.get(index);
        return PackagedEvent.of(event, new MerkleProof(event.seq(), event.hash(), index, hashes.size(),
                MerkleTree.proof(hashes, index), 3));
    }

    private static Verification checked(List<PackagedEvent> events) {
        Verification result = new Verification();
        EventChecks.check(events, Map.of(3L, CHECKPOINT), result);
        return result;
    }

    private static List<String> failures(Verification result) {
        return result.lines().stream().filter(l -> l.kind() == Verification.Kind.FAIL).map(Verification.Line::text).toList();
    }

    @Test
    void eventsWithTheirProofsHoldAndConsecutiveOnesAreLinked() {
        Verification result = checked(List.of(packaged(0), packaged(1), packaged(3)));

        assertThat(failures(result)).isEmpty();
        assertThat(result.lines()).extracting(Verification.Line::text)
                .contains("event 11 (REQUEST_SUBMITTED GX-2026-000001): its hash recomputed from its fields matches",
                        "event 12 (REQUEST_SUBMITTED GX-2026-000001): follows event 11 in the chain",
                        "event 14 (REQUEST_SUBMITTED GX-2026-000001): anchored by checkpoint 3 (its Merkle path leads to"
                                + " the checkpoint's root)")
                .noneMatch(line -> line.startsWith("event 14") && line.contains("follows"));
        assertThat(result.failures()).isZero();
    }

    @Test
    void aChangedFieldIsCaughtByItsHash() {
        PackagedEvent honest = packaged(1);
        PackagedEvent changed = new PackagedEvent(honest.seq(), honest.id(), honest.time(), "mzj.chen",
                honest.actorDepartment(), honest.action(), honest.objectType(), honest.objectId(), honest.outcome(),
                honest.reason(), honest.correlationId(), honest.details(), honest.prevHash(), honest.hash(), honest.proof());

        assertThat(failures(checked(List.of(packaged(0), changed)))).containsExactly("event 12 (REQUEST_SUBMITTED"
                + " GX-2026-000001): its fields do not give its hash: the event was changed after it was chained");
    }

    @Test
    void anEventRehashedAfterAChangeNoLongerFollowsNorReachesTheCheckpoint() {
        PackagedEvent honest = packaged(1);
        AuditEvent rewritten = new AuditEvent(12, honest.id(), honest.time(), "mzj.chen", honest.actorDepartment(),
                AuditAction.REQUEST_SUBMITTED, honest.objectType(), honest.objectId(), Outcome.OK, null,
                honest.correlationId(), honest.details(), "9".repeat(64), null);
        String hash = AuditChain.hash("9".repeat(64), rewritten);
        PackagedEvent forged = new PackagedEvent(12, honest.id(), honest.time(), "mzj.chen", honest.actorDepartment(),
                honest.action(), honest.objectType(), honest.objectId(), honest.outcome(), null, honest.correlationId(),
                honest.details(), "9".repeat(64), hash, new MerkleProof(12, hash, 1, 5, honest.proof().path(), 3));

        assertThat(failures(checked(List.of(packaged(0), forged))))
                .containsExactly("event 12 (REQUEST_SUBMITTED GX-2026-000001): its previous hash is not the hash of event 11"
                                + " before it",
                        "event 12 (REQUEST_SUBMITTED GX-2026-000001): its Merkle path does not lead to the root of"
                                + " checkpoint 3");
    }

    @Test
    void aProofToACheckpointNotCarriedOrToAnotherPlaceFails() {
        PackagedEvent honest = packaged(2);
        PackagedEvent elsewhere = new PackagedEvent(honest.seq(), honest.id(), honest.time(), honest.actor(),
                honest.actorDepartment(), honest.action(), honest.objectType(), honest.objectId(), honest.outcome(),
                honest.reason(), honest.correlationId(), honest.details(), honest.prevHash(), honest.hash(),
                new MerkleProof(13, honest.hash(), 3, 5, honest.proof().path(), 3));
        PackagedEvent unanchored = new PackagedEvent(honest.seq(), honest.id(), honest.time(), honest.actor(),
                honest.actorDepartment(), honest.action(), honest.objectType(), honest.objectId(), honest.outcome(),
                honest.reason(), honest.correlationId(), honest.details(), honest.prevHash(), honest.hash(),
                new MerkleProof(13, honest.hash(), 2, 5, honest.proof().path(), 4));

        assertThat(failures(checked(List.of(elsewhere)))).singleElement().asString()
                .contains("its proof places it where checkpoint 3 (events 11 to 15) does not");
        assertThat(failures(checked(List.of(unanchored)))).singleElement().asString()
                .contains("its proof leads to checkpoint 4, which the package does not carry");
    }

    @Test
    void anEventWithAnActionThePlatformDoesNotKnowIsNamedNotThrown() {
        PackagedEvent honest = packaged(0);
        PackagedEvent unknown = new PackagedEvent(honest.seq(), honest.id(), honest.time(), honest.actor(),
                honest.actorDepartment(), "NO_SUCH_ACTION", honest.objectType(), honest.objectId(), honest.outcome(),
                honest.reason(), honest.correlationId(), honest.details(), honest.prevHash(), honest.hash(), honest.proof());

        assertThat(failures(checked(List.of(unknown)))).first().asString()
                .startsWith("event 11 (NO_SUCH_ACTION GX-2026-000001): cannot be read as an audit event");
    }
}
