package org.govshare.anchor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The append-only {@code audit_checkpoint} table (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Repository
class CheckpointStore {

    /** The advisory lock every node takes to make a checkpoint, so two never cover the same events. */
    static final long MAKER_LOCK = 0x676f7673_68617265L; // "govshare"

    private static final RowMapper<Checkpoint> CHECKPOINT = CheckpointStore::checkpoint;

    private final JdbcTemplate jdbc;

    CheckpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until this transaction alone may make a checkpoint; the lock goes with the transaction. */
    void lockForMaking() {
        jdbc.queryForList("select pg_advisory_xact_lock(?)", MAKER_LOCK);
    }

    void insert(Checkpoint checkpoint, CheckpointStatement statement, String statementHash, String sealRegisterId) {
        jdbc.update("""
                insert into audit_checkpoint (number, first_seq, last_seq, leaf_count, head_hash, merkle_root,
                                              previous_hash, statement_hash, made_at, statement, timestamp_token, seal,
                                              seal_register_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                checkpoint.number(), checkpoint.firstSeq(), checkpoint.lastSeq(), checkpoint.leafCount(),
                checkpoint.headHash(), checkpoint.merkleRoot(), statement.previousHash(), statementHash,
                OffsetDateTime.ofInstant(checkpoint.at(), ZoneOffset.UTC), checkpoint.statement(),
                checkpoint.timestampToken(), checkpoint.seal(), sealRegisterId);
    }

    Optional<Checkpoint> last() {
        return jdbc.query("select * from audit_checkpoint order by number desc limit 1", CHECKPOINT).stream()
                .findFirst();
    }

    Optional<Checkpoint> find(long number) {
        return jdbc.query("select * from audit_checkpoint where number = ?", CHECKPOINT, number).stream().findFirst();
    }

    Optional<Checkpoint> covering(long seq) {
        return jdbc.query("select * from audit_checkpoint where first_seq <= ? and last_seq >= ?", CHECKPOINT, seq,
                seq).stream().findFirst();
    }

    /** Checkpoints after the given number, in order. */
    List<Checkpoint> after(long number, int limit) {
        return jdbc.query("select * from audit_checkpoint where number > ? order by number limit ?", CHECKPOINT,
                number, limit);
    }

    /** Checkpoints newest first, a page at a time. */
    List<Checkpoint> newestFirst(int offset, int limit) {
        return jdbc.query("select * from audit_checkpoint order by number desc offset ? limit ?", CHECKPOINT, offset,
                limit);
    }

    long count() {
        Long count = jdbc.queryForObject("select count(*) from audit_checkpoint", Long.class);
        return count == null ? 0 : count;
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getLong("number"), rs.getLong("first_seq"), rs.getLong("last_seq"),
                rs.getString("head_hash"), rs.getString("merkle_root"),
                rs.getObject("made_at", OffsetDateTime.class).toInstant(), rs.getBytes("statement"),
                rs.getBytes("timestamp_token"), rs.getBytes("seal"));
    }
}
