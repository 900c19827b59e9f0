package org.govshare.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.govshare.platform.EvidenceFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Usage records, their files, and the first reads under grants, in the database. */
@Repository
class UsageRecordStore {

    private final JdbcTemplate jdbc;

    UsageRecordStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String grantId, NewUsageRecord r, String by, Instant at, LocalDate keptUntil) {
        return jdbc.queryForObject("""
                insert into usage_record (grant_id, scenario, process, results, storage, destruction, recorded_by,
                                          recorded_at, kept_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, grantId, r.scenario(), r.process(),
                r.results(), r.storage(), r.destruction(), by, Timestamp.from(at), keptUntil);
    }

    void attach(long recordId, EvidenceFile.Checked file, byte[] content) {
        jdbc.update("insert into usage_record_file (record_id, name, type, size, content) values (?, ?, ?, ?, ?)",
                recordId, file.name(), file.type(), file.size(), content);
    }

    /** A grant's records, newest first, each with its files. */
    List<UsageRecord> ofGrant(String grantId) {
        List<UsageRecord> records = jdbc.query("select * from usage_record where grant_id = ? order by recorded_at desc, id desc",
                this::record, grantId);
        Map<Long, List<UsageRecord.File>> files = jdbc.query("""
                select f.id, f.record_id, f.name, f.type, f.size from usage_record_file f
                join usage_record r on r.id = f.record_id where r.grant_id = ? order by f.id""",
                (rs, n) -> Map.entry(rs.getLong("record_id"), new UsageRecord.File(rs.getLong("id"), rs.getString("name"),
                        rs.getString("type"), rs.getLong("size"))), grantId).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return records.stream().map(r -> r.withFiles(files.getOrDefault(r.id(), List.of()))).toList();
    }

    /** One record of a grant, locked until the transaction ends. */
    Optional<UsageRecord> lock(String grantId, long id) {
        return jdbc.query("select * from usage_record where grant_id = ? and id = ? for update", this::record, grantId, id)
                .stream().findFirst();
    }

    void delete(long id) {
        jdbc.update("delete from usage_record where id = ?", id);
    }

    /** A file of a record of a grant, with its bytes. */
    Optional<Map.Entry<UsageRecord.File, byte[]>> file(String grantId, long recordId, long fileId) {
        return jdbc.query("""
                select f.id, f.name, f.type, f.size, f.content from usage_record_file f
                join usage_record r on r.id = f.record_id where r.grant_id = ? and r.id = ? and f.id = ?""",
                (rs, n) -> Map.entry(new UsageRecord.File(rs.getLong("id"), rs.getString("name"), rs.getString("type"),
                        rs.getLong("size")), rs.getBytes("content")), grantId, recordId, fileId).stream().findFirst();
    }

    /**
     * Writes down the grants data was read under in {@code [from, to)} (their reads' audit events), with the day of
     * the first, where no earlier first read is known.
     */
    int recordFirstReads(Instant from, Instant to, LocalDate day) {
        return jdbc.update("""
                insert into grant_first_read (grant_id, first_read_on, evidence)
                select g.id, ?, 'audit:' || (array_agg(e.id order by e.seq))[1] from audit_event e
                join sharing_grant g on g.id = e.details::json ->> 'grant'
                where e.action = 'DATA_ACCESSED' and e.outcome = 'OK' and e.occurred_at >= ? and e.occurred_at < ?
                group by g.id
                on conflict (grant_id) do nothing""", day, Timestamp.from(from), Timestamp.from(to));
    }

    /** A grant in use: its holder, resource, first read and how many usage records it has. */
    record InUse(String grantId, String holder, String resourceCode, LocalDate firstReadOn, String evidence, long records) {
    }

    /** The grants first read on or before a day whose holder has kept no usage record of them. */
    List<InUse> inUseWithoutRecords(LocalDate day) {
        return jdbc.query("""
                select f.grant_id, g.consumer_department, g.resource_code, f.first_read_on, f.evidence
                from grant_first_read f join sharing_grant g on g.id = f.grant_id
                where f.first_read_on <= ? and not exists (select 1 from usage_record r where r.grant_id = f.grant_id)
                order by f.grant_id""", (rs, n) -> new InUse(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getString(5), 0), day);
    }

    private UsageRecord record(ResultSet rs, int row) throws SQLException {
        return new UsageRecord(rs.getLong("id"), rs.getString("grant_id"), rs.getString("scenario"),
                rs.getString("process"), rs.getString("results"), rs.getString("storage"), rs.getString("destruction"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getObject("kept_until", LocalDate.class), List.of());
    }
}
