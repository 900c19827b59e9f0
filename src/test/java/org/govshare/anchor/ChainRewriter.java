package org.govshare.anchor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a database administrator who wants an event changed unnoticed does, with nothing but SQL and the published
 * hash rule (docs/audit-events.md): switch the append-only triggers off, change the event, recompute the hash of
 * every event from it to the end exactly as the chainer does, and move the chain head. The walk of the chain alone
 * then finds nothing wrong.
 */
final class ChainRewriter {

    private ChainRewriter() {
    }

    /** Sets event {@code seq}'s reason and rewrites the chain from there to the head, in one transaction. */
    static void rewrite(Connection dba, long seq, String reason) throws SQLException {
        dba.setAutoCommit(false);
        try (Statement s = dba.createStatement()) {
            s.execute("set session_replication_role = replica");
            // the chainer's own lock: no event is chained on top while the chain is rewritten
            s.executeQuery("select last_seq from audit_chain_head where id = 1 for update").close();
            try (PreparedStatement update = dba.prepareStatement("update audit_event set reason = ? where seq = ?")) {
                update.setString(1, reason);
                update.setLong(2, seq);
                update.executeUpdate();
            }
            String hash;
            try (PreparedStatement before = dba.prepareStatement("select hash from audit_event where seq = ?")) {
                before.setLong(1, seq - 1);
                try (ResultSet rs = before.executeQuery()) {
                    hash = rs.next() ? rs.getString(1) : "0".repeat(64);
                }
            }
            try (PreparedStatement later = dba.prepareStatement("select * from audit_event where seq >= ? order by seq");
                 PreparedStatement relink = dba.prepareStatement(
                         "update audit_event set prev_hash = ?, hash = ? where seq = ?")) {
                later.setLong(1, seq);
                try (ResultSet rs = later.executeQuery()) {
                    while (rs.next()) {
                        String linked = sha256(hash + canonical(rs));
                        relink.setString(1, hash);
                        relink.setString(2, linked);
                        relink.setLong(3, rs.getLong("seq"));
                        relink.addBatch();
                        hash = linked;
                    }
                }
                relink.executeBatch();
            }
            try (PreparedStatement head = dba.prepareStatement("update audit_chain_head set last_hash = ? where id = 1")) {
                head.setString(1, hash);
                head.executeUpdate();
            }
            s.execute("set session_replication_role = origin");
            dba.commit();
        } catch (SQLException | RuntimeException e) {
            dba.rollback();
            throw e;
        }
    }

    /** The canonical form of docs/audit-events.md: every field but the hashes, one a line, in the table's order. */
    private static String canonical(ResultSet rs) throws SQLException {
        return Stream.of(rs.getLong("seq"), rs.getString("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("actor_department"), rs.getString("action"), rs.getString("object_type"),
                        rs.getString("object_id"), rs.getString("outcome"), rs.getString("reason"),
                        rs.getString("correlation_id"), rs.getString("details"))
                .map(value -> Objects.toString(value, "").replace("\\", "\\\\").replace("\n", "\\n"))
                .collect(Collectors.joining("\n"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
