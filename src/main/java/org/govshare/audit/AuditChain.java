package org.govshare.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hash chain over audit events. The canonical form lists every field but the hashes in a fixed order, one
 * per line, so that any change to a stored field, a removed event or a reordering breaks the chain. Public and pure,
 * so that whoever holds an event's fields (an evidence package, offline) recomputes its hash as the platform does.
 */
public final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** SHA-256 (hex) of {@code prevHash} followed by the event's canonical form; its own hashes are not read. */
    public static String hash(String prevHash, AuditEvent event) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonical(event).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Every field but the hashes, in a fixed order, one per line (backslashes and line ends escaped). */
    public static String canonical(AuditEvent e) {
        return Stream.of(e.seq(), e.id(), e.time(), e.actor(), e.actorDepartment(), e.action(), e.objectType(),
                        e.objectId(), e.outcome(), e.reason(), e.correlationId(), e.details())
                .map(value -> Objects.toString(value, "").replace("\\", "\\\\").replace("\n", "\\n"))
                .collect(Collectors.joining("\n"));
    }
}
