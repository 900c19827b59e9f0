package org.govshare.dataset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govshare.dataset.RecordSchema.CheckedRecord;
import org.govshare.dataset.RecordSchema.IndexedValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Hosted datasets in the database (tables in V7__hosted_datasets.sql). */
@Repository
class DatasetStore {

    private final JdbcTemplate jdbc;

    DatasetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version and record count of a resource's dataset, and where records stand at it. */
    record Current(int version, long records) {
    }

    /** What is stored under a key: to tell changed from unchanged, and a key carried twice by one push. */
    record Stored(String hash, int pushedIn) {
    }

    /** Creates the resource's row unless it exists; a concurrent first push may create it first. */
    void create(String code) {
        if (jdbc.queryForObject("select count(*) from hosted_dataset where resource_code = ?", Integer.class, code) == 0) {
            try {
                jdbc.update("insert into hosted_dataset (resource_code, current_version, record_count) values (?, 0, 0)", code);
            } catch (DuplicateKeyException createdMeanwhile) {
                // the other push made it; both go on to lock it
            }
        }
    }

    /** Locks the resource's dataset until the transaction ends: pushes to one resource take turns. */
    Current lock(String code) {
        return jdbc.queryForObject("select current_version, record_count from hosted_dataset where resource_code = ? for update",
                (rs, n) -> new Current(rs.getInt(1), rs.getLong(2)), code);
    }

    Optional<Current> current(String code) {
        return jdbc.query("select current_version, record_count from hosted_dataset where resource_code = ? and current_version > 0",
                (rs, n) -> new Current(rs.getInt(1), rs.getLong(2)), code).stream().findFirst();
    }

    Map<String, Stored> stored(String code, Collection<String> keys) {
        Map<String, Stored> stored = new HashMap<>();
        if (keys.isEmpty()) {
            return stored;
        }
        List<Object> args = new ArrayList<>(keys.size() + 1);
        args.add(code);
        args.addAll(keys);
        jdbc.query("select record_key, content_hash, pushed_in from dataset_record where resource_code = ? and record_key in ("
                        + "?,".repeat(keys.size() - 1) + "?)",
                rs -> {
                    stored.put(rs.getString(1), new Stored(rs.getString(2), rs.getInt(3)));
                }, args.toArray());
        return stored;
    }

    void insert(String code, int version, List<CheckedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into dataset_record (resource_code, record_key, content, content_hash, changed_in, pushed_in)"
                        + " values (?, ?, ?, ?, ?, ?)", records, records.size(), (ps, r) -> {
                    ps.setString(1, code);
                    ps.setString(2, r.key());
                    ps.setString(3, r.content());
                    ps.setString(4, r.hash());
                    ps.setInt(5, version);
                    ps.setInt(6, version);
                });
        insertValues(code, records);
    }

    void change(String code, int version, List<CheckedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("update dataset_record set content = ?, content_hash = ?, changed_in = ?, pushed_in = ?"
                + " where resource_code = ? and record_key = ?", records, records.size(), (ps, r) -> {
                    ps.setString(1, r.content());
                    ps.setString(2, r.hash());
                    ps.setInt(3, version);
                    ps.setInt(4, version);
                    ps.setString(5, code);
                    ps.setString(6, r.key());
                });
        jdbc.batchUpdate("delete from dataset_value where resource_code = ? and record_key = ?", records, records.size(),
                (ps, r) -> {
                    ps.setString(1, code);
                    ps.setString(2, r.key());
                });
        insertValues(code, records);
    }

    /** Marks records the push carried unchanged. */
    void carried(String code, int version, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("update dataset_record set pushed_in = ? where resource_code = ? and record_key = ?", keys,
                keys.size(), (ps, key) -> {
                    ps.setInt(1, version);
                    ps.setString(2, code);
                    ps.setString(3, key);
                });
    }

    /** After a REPLACE: removes the records its push did not carry (their index rows go with them). */
    long removeNotCarried(String code, int version) {
        return jdbc.update("delete from dataset_record where resource_code = ? and pushed_in < ?", code, version);
    }

    private void insertValues(String code, List<CheckedRecord> records) {
        List<Object[]> rows = new ArrayList<>();
        for (CheckedRecord r : records) {
            for (IndexedValue v : r.indexed()) {
                rows.add(new Object[] {code, r.key(), v.item(), v.text(), v.number(),
                        v.time() == null ? null : Timestamp.from(v.time())});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into dataset_value (resource_code, record_key, item, text_value, number_value, time_value)"
                    + " values (?, ?, ?, ?, ?, ?)", rows);
        }
    }

    void insertVersion(DataVersion v) {
        jdbc.update("insert into dataset_version (resource_code, version, created_at, pushed_by, mode, added, changed, removed,"
                        + " total) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", v.resourceCode(), v.version(),
                Timestamp.from(v.createdAt()), v.pushedBy(), v.mode().name(), v.added(), v.changed(), v.removed(), v.total());
        jdbc.update("update hosted_dataset set current_version = ?, record_count = ? where resource_code = ?", v.version(),
                v.total(), v.resourceCode());
    }

    /** Versions of a resource's dataset, newest first. */
    List<DataVersion> versions(String code, int page, int size) {
        return jdbc.query("select * from dataset_version where resource_code = ? order by version desc limit ? offset ?",
                this::version, code, size, (long) page * size);
    }

    Optional<DataVersion> version(String code, int version) {
        return jdbc.query("select * from dataset_version where resource_code = ? and version = ?", this::version, code,
                version).stream().findFirst();
    }

    /** The version data is read at now, with when it was made: one round trip. */
    Optional<DataVersion> currentVersion(String code) {
        return jdbc.query("select v.* from hosted_dataset h join dataset_version v on v.resource_code = h.resource_code"
                + " and v.version = h.current_version where h.resource_code = ? and h.current_version > 0", this::version,
                code).stream().findFirst();
    }

    /**
     * The records stored under these keys, by key, as long as {@code version} is still current: checked in the same
     * statement, so a push committing meanwhile yields none rather than a mix of two versions.
     */
    Map<String, String> atVersion(String code, int version, List<String> keys) {
        Map<String, String> found = new HashMap<>();
        jdbc.query("select r.record_key, r.content from dataset_record r join hosted_dataset h on h.resource_code ="
                + " r.resource_code and h.current_version = ? where r.resource_code = ? and r.record_key = any(?)", ps -> {
                    ps.setInt(1, version);
                    ps.setString(2, code);
                    ps.setArray(3, ps.getConnection().createArrayOf("text", keys.toArray()));
                }, (ResultSet rs) -> {
                    found.put(rs.getString(1), rs.getString(2));
                });
        return found;
    }

    /** A page of matching records, how many match in all, and the version they are all of. */
    record Sliced(int version, long total, List<String> records) {
    }

    /**
     * The current version, how many records match the query, and a page of them by key, in one statement, so that
     * all three come from one snapshot whatever the caller's transaction: a push committing meanwhile is seen whole or
     * not at all. No record is read when more than {@code atMost} match.
     */
    Optional<Sliced> slice(DatasetQuery query, long atMost, int page, int size) {
        List<Object> args = new ArrayList<>(query.args());
        args.addAll(query.args());
        args.add(atMost);
        args.add(size);
        args.add((long) page * size);
        args.add(query.args().get(0));
        List<Sliced> rows = new ArrayList<>();
        jdbc.query("select h.current_version, m.total, p.content from hosted_dataset h"
                + " cross join lateral (select count(*) as total from dataset_record r where " + query.where() + ") m"
                + " left join lateral (select r.content, r.record_key from dataset_record r where " + query.where()
                + " and m.total <= ? order by r.record_key limit ? offset ?) p on true"
                + " where h.resource_code = ? and h.current_version > 0 order by p.record_key", (ResultSet rs) -> {
                    if (rows.isEmpty()) {
                        rows.add(new Sliced(rs.getInt(1), rs.getLong(2), new ArrayList<>()));
                    }
                    String content = rs.getString(3);
                    if (content != null) {
                        rows.get(0).records().add(content);
                    }
                }, args.toArray());
        return rows.stream().findFirst();
    }

    private DataVersion version(ResultSet rs, int row) throws SQLException {
        return new DataVersion(rs.getString("resource_code"), rs.getInt("version"), instant(rs.getTimestamp("created_at")),
                rs.getString("pushed_by"), PushMode.valueOf(rs.getString("mode")), rs.getLong("added"),
                rs.getLong("changed"), rs.getLong("removed"), rs.getLong("total"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
