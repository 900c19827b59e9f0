package org.govshare.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The append-only event table and the head of its hash chain.
 *
 * <p>Appending locks the single chain-head row until the surrounding transaction ends. That serialises audited
 * transactions at commit, and it is what makes sequence order equal commit order: the indexer can then follow
 * the chain with a plain "last indexed sequence" cursor and never skip an event still in flight.
 */
@Repository
class AuditEventStore {

    private static final RowMapper<AuditEvent> EVENT = AuditEventStore::event;

    private final JdbcTemplate jdbc;

    AuditEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Links the event to the chain (sequence and hashes are filled in here) and stores it. */
    AuditEvent append(AuditEvent draft) {
        ChainHead head = jdbc.queryForObject(
                "select last_seq, last_hash from audit_chain_head where id = 1 for update",
                (rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)));
        AuditEvent unhashed = draft.chained(head.seq() + 1, head.hash(), null);
        AuditEvent event = unhashed.chained(unhashed.seq(), head.hash(), AuditChain.hash(head.hash(), unhashed));
        jdbc.update("""
                insert into audit_event (seq, id, occurred_at, actor, actor_department, action, object_type, object_id,
                                         outcome, reason, correlation_id, details, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.seq(), event.id(), OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC), event.actor(),
                event.actorDepartment(), event.action().name(), event.objectType(), event.objectId(),
                event.outcome().name(), event.reason(), event.correlationId(), event.details(), event.prevHash(),
                event.hash());
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", event.seq(), event.hash());
        return event;
    }

    /** Events after the given sequence number, in chain order. */
    List<AuditEvent> after(long seq, int limit) {
        return jdbc.query("select * from audit_event where seq > ? order by seq limit ?", EVENT, seq, limit);
    }

    ChainHead head() {
        return jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = 1",
                (rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)));
    }

    long indexedUpTo() {
        Long seq = jdbc.queryForObject("select last_indexed_seq from audit_index_cursor where id = 1", Long.class);
        return seq == null ? 0 : seq;
    }

    void markIndexedUpTo(long seq) {
        jdbc.update("update audit_index_cursor set last_indexed_seq = ? where id = 1 and last_indexed_seq < ?", seq, seq);
    }

    record ChainHead(long seq, String hash) {
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        OffsetDateTime time = rs.getObject("occurred_at", OffsetDateTime.class);
        return new AuditEvent(rs.getLong("seq"), rs.getString("id"), time.toInstant(), rs.getString("actor"),
                rs.getString("actor_department"), AuditAction.valueOf(rs.getString("action")),
                rs.getString("object_type"), rs.getString("object_id"), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("reason"), rs.getString("correlation_id"), rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
