package org.govshare.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The append-only event table and the head of its hash chain.
 *
 * <p>An event is inserted unchained (no sequence number, no hashes) in the transaction of the change it records, so
 * audited transactions never wait on each other. One writer at a time then chains the committed events in batches:
 * it locks the chain-head row, gives each unchained event the next sequence number and its hashes, and moves the
 * head, in one transaction. Sequence order is therefore the chainer's commit order, and the indexer can still follow
 * the chain with a plain "last indexed sequence" cursor, since an event gets its number only as it is chained.
 */
@Repository
class AuditEventStore {

    private static final RowMapper<AuditEvent> EVENT = AuditEventStore::event;

    private final JdbcTemplate jdbc;

    AuditEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores events unchained, in one round trip; they join the chain when the chainer next runs after this
     * transaction commits.
     */
    void append(List<AuditEvent> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into audit_event (id, occurred_at, actor, actor_department, action, object_type, object_id,
                                         outcome, reason, correlation_id, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", drafts.stream().map(draft -> new Object[] {
                draft.id(), OffsetDateTime.ofInstant(draft.time(), ZoneOffset.UTC), draft.actor(),
                draft.actorDepartment(), draft.action().name(), draft.objectType(), draft.objectId(),
                draft.outcome().name(), draft.reason(), draft.correlationId(), draft.details()}).toList());
    }

    Optional<AuditEvent> find(String id) {
        return jdbc.query("select * from audit_event where id = ?", EVENT, id).stream().findFirst();
    }

    /** The chained events about any of these objects, up to {@code lastSeq}, in chain order. */
    List<AuditEvent> about(List<String> objectIds, long lastSeq) {
        return jdbc.query("select * from audit_event where object_id = any(?) and seq <= ? order by seq", EVENT,
                objectIds.toArray(String[]::new), lastSeq);
    }

    /**
     * Chains up to {@code limit} committed unchained events, oldest first, after the head; the caller's transaction
     * holds the head's lock until it commits.
     *
     * @return how many were chained
     */
    int chainPending(int limit) {
        ChainHead head = jdbc.queryForObject(
                "select last_seq, last_hash from audit_chain_head where id = 1 for update",
                (rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)));
        List<AuditEvent> pending = jdbc.query(
                "select * from audit_event where seq is null order by occurred_at, id limit ?", EVENT, limit);
        long seq = head.seq();
        String hash = head.hash();
        List<Object[]> links = new java.util.ArrayList<>(pending.size());
        for (AuditEvent draft : pending) {
            AuditEvent unhashed = draft.chained(++seq, hash, null);
            String linked = AuditChain.hash(hash, unhashed);
            links.add(new Object[] {seq, hash, linked, draft.id()});
            hash = linked;
        }
        jdbc.batchUpdate("update audit_event set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null", links);
        if (!pending.isEmpty()) {
            jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
        }
        return pending.size();
    }

    /** How many committed events wait to be chained. */
    long unchained() {
        Long count = jdbc.queryForObject("select count(*) from audit_event where seq is null", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * The age of the oldest event not yet in the index, chained or not; 0 when the index has caught up. Two
     * index-backed lookups (the unchained events' partial index, the chain's sequence) rather than one scan.
     */
    double indexingLagSeconds() {
        Double lag = jdbc.queryForObject("select coalesce(extract(epoch from now() - least("
                + "(select min(occurred_at) from audit_event where seq is null),"
                + " (select occurred_at from audit_event where seq > (select last_indexed_seq from audit_index_cursor"
                + " where id = 1) order by seq limit 1))), 0)", Double.class);
        return lag == null ? 0 : Math.max(0, lag);
    }

    /** Events after the given sequence number, in chain order. */
    List<AuditEvent> after(long seq, int limit) {
        return jdbc.query("select * from audit_event where seq > ? order by seq limit ?", EVENT, seq, limit);
    }

    /** The chain links of the events {@code firstSeq} to {@code lastSeq}, in order. */
    List<ChainLink> links(long firstSeq, long lastSeq) {
        return jdbc.query("select seq, id, hash from audit_event where seq between ? and ? order by seq",
                (rs, row) -> new ChainLink(rs.getLong(1), rs.getString(2), rs.getString(3)), firstSeq, lastSeq);
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
