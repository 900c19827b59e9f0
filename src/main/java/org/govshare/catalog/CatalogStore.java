package org.govshare.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.cases.CaseRows;
import org.govshare.platform.JsonColumns;
import org.govshare.platform.database.AfterCommit;
import org.govshare.platform.database.TransactionMemo;
import org.govshare.rules.Finding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Submissions, published versions and the searchable sharing catalog, in the database. */
@Repository
class CatalogStore {

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final int countedUpTo;
    private final RowMapper<Submission> submissionRows = this::submission;
    private final CaseRows<Submission> submissions;
    private final RowMapper<CatalogVersion> versionRows = this::version;
    /**
     * Published versions by "code#version", kept once the transaction that read them committed (a version published
     * in a transaction that rolls back is published again, maybe with other content, under the same number); at most
     * {@code versions-kept}, the least recently used dropped. A version never changes once published, so a kept copy
     * is never stale and needs no word from other nodes.
     */
    private final Map<String, CatalogVersion> kept;
    /** The versions the current transaction read: a request reads its version when decided and for its grant */
    private final TransactionMemo<String, CatalogVersion> readHere = new TransactionMemo<>();

    CatalogStore(JdbcTemplate jdbc, JsonColumns json, CatalogProperties properties) {
        this.jdbc = jdbc;
        this.countedUpTo = properties.countedUpTo();
        int most = properties.versionsKept();
        this.kept = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CatalogVersion> eldest) {
                return size() > most;
            }
        });
        this.json = json;
        this.submissions = new CaseRows<>(jdbc, "catalog_submission", submissionRows);
    }

    void insert(Submission s) {
        jdbc.update("""
                insert into catalog_submission (id, code, kind, department, submitted_by, submitted_at, status, content,
                                                findings, process_instance_id, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                s.id(), s.code(), s.kind().name(), s.department(), s.submittedBy(), utc(s.submittedAt()), s.status().name(),
                write(s.content()), write(s.findings()), s.processInstanceId(), utc(Instant.now()));
    }

    void setStatus(String id, Submission.Status status) {
        jdbc.update("update catalog_submission set status = ?, updated_at = ? where id = ?", status.name(), utc(Instant.now()), id);
    }

    void setReview(String id, String comment, String reviewer) {
        jdbc.update("update catalog_submission set review_comment = ?, reviewed_by = ?, updated_at = ? where id = ?",
                comment, reviewer, utc(Instant.now()), id);
    }

    void setContent(String id, CatalogEntry content, List<Finding> findings) {
        jdbc.update("update catalog_submission set content = ?, findings = ?, updated_at = ? where id = ?",
                write(content), write(findings), utc(Instant.now()), id);
    }

    /** Keeps a submission's assessments, replacing those it had (a revision may bring new ones). */
    void setAssessments(String id, List<SubmissionAssessments.Checked> assessments) {
        jdbc.update("update catalog_submission set assessments = ?, updated_at = ? where id = ?",
                write(assessments.stream().map(SubmissionAssessments.Checked::recorded).toList()), utc(Instant.now()), id);
        jdbc.update("delete from catalog_submission_assessment where submission_id = ?", id);
        assessments.stream().filter(a -> a.content() != null).forEach(a -> jdbc.update(
                "insert into catalog_submission_assessment (submission_id, kind, file_name, file_type, file_content)"
                        + " values (?, ?, ?, ?, ?)", id, a.recorded().kind().name(), a.recorded().file().name(),
                a.recorded().file().type(), a.content()));
    }

    /** The report of one of a submission's assessments: its name, type and bytes. */
    Optional<AssessmentReport> assessmentReport(String id, SubmissionAssessments.Kind kind) {
        return jdbc.query("select file_name, file_type, file_content from catalog_submission_assessment"
                        + " where submission_id = ? and kind = ?",
                (rs, row) -> new AssessmentReport(rs.getString(1), rs.getString(2), rs.getBytes(3)), id, kind.name())
                .stream().findFirst();
    }

    record AssessmentReport(String name, String type, byte[] content) {
    }

    void setHeadApproval(String id, Submission.HeadApproval approval) {
        jdbc.update("update catalog_submission set head_decision = ?, head_by = ?, head_at = ?, head_comment = ?,"
                        + " updated_at = ? where id = ?", approval.decision(), approval.by(), utc(approval.at()),
                approval.comment(), utc(Instant.now()), id);
    }

    void markOverdue(String id) {
        jdbc.update("update catalog_submission set overdue = true, updated_at = ? where id = ?", utc(Instant.now()), id);
    }

    CaseRows<Submission> submissions() {
        return submissions;
    }

    Optional<Submission> openSubmissionFor(String code) {
        return jdbc.query("select * from catalog_submission where code = ? and status in ('IN_REVIEW', 'RETURNED')",
                submissionRows, code).stream().findFirst();
    }

    List<Submission> submissionsOf(String department, int page, int size) {
        return jdbc.query("select * from catalog_submission where department = ? order by submitted_at desc, id desc"
                + " limit ? offset ?", submissionRows, department, size, (long) page * size);
    }

    /**
     * Serialises a department's submissions until the transaction ends, so that two at once cannot both pass the
     * "one open submission per code" check.
     */
    void lockDepartment(String department) {
        jdbc.queryForList("select code from department where code = ? for update", String.class, department);
    }

    /** The department that owns a code: of its published resource, or of an open submission for it. */
    Optional<String> ownerOf(String code) {
        List<String> owners = jdbc.queryForList("""
                select provider_department from catalog_resource where code = ?
                union select department from catalog_submission where code = ? and status in ('IN_REVIEW', 'RETURNED')""",
                String.class, code, code);
        return owners.stream().findFirst();
    }

    Optional<String> resourceStatus(String code) {
        return jdbc.queryForList("select status from catalog_resource where code = ?", String.class, code).stream().findFirst();
    }

    /** Stores a new version and makes it the current one in the sharing catalog. */
    CatalogVersion publish(Submission submission, CatalogEntry content, String approvedBy, Instant at) {
        Integer last = jdbc.queryForObject("select max(version) from catalog_version where code = ?", Integer.class,
                submission.code());
        int version = last == null ? 1 : last + 1;
        jdbc.update("""
                insert into catalog_version (code, version, change_kind, content, published_at, approved_by, submission_id)
                values (?, ?, ?, ?, ?, ?, ?)""",
                content.code(), version, submission.kind().name(), write(content), utc(at), approvedBy, submission.id());
        String status = submission.kind() == Submission.Kind.RETIRE ? "RETIRED" : "PUBLISHED";
        jdbc.update("delete from catalog_resource where code = ?", content.code());
        jdbc.update("""
                insert into catalog_resource (code, status, current_version, name, provider_department, kind, sharing_type,
                                              update_cycle, tier, region_code, search_text, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                content.code(), status, version, content.name(), content.providerDepartment(), content.kind().name(),
                content.sharingType().name(), content.updateCycle().name(), content.tier().name(), content.regionCode(),
                searchText(content), utc(at));
        jdbc.update("delete from catalog_item where code = ?", content.code());
        if (status.equals("PUBLISHED")) {
            content.items().stream().map(i -> List.of(normalise(i.name()), normalise(i.type()))).distinct()
                    .forEach(i -> jdbc.update("insert into catalog_item (code, name_norm, type_norm) values (?, ?, ?)",
                            content.code(), i.get(0), i.get(1)));
        }
        return new CatalogVersion(content.code(), version, submission.kind(), content, at, approvedBy, submission.id());
    }

    List<CatalogVersion> versions(String code, int page, int size) {
        return jdbc.query("select * from catalog_version where code = ? order by version desc limit ? offset ?",
                versionRows, code, size, (long) page * size);
    }

    Optional<CatalogVersion> version(String code, int version) {
        String key = code + "#" + version;
        CatalogVersion known = kept.get(key);
        if (known == null) {
            known = readHere.current().get(key);
        }
        return known != null ? Optional.of(known)
                : jdbc.query("select * from catalog_version where code = ? and version = ?", versionRows, code, version)
                        .stream().findFirst();
    }

    CatalogPage search(CatalogQuery query) {
        return search(query, countedUpTo);
    }

    /**
     * A page of the catalog in the order of its codes. The matches of words are counted up to {@code countedUpTo}:
     * past it the count stops and the page is read by walking the codes in order, which finds a page of a common
     * word in a few rows instead of ordering every match. The page is the same either way.
     */
    CatalogPage search(CatalogQuery query, int countedUpTo) {
        // two forms of the same criteria: one the words' index serves, one a walk in the codes' order checks row by row
        StringBuilder indexed = new StringBuilder(" where 1 = 1");
        StringBuilder walked = new StringBuilder(" where 1 = 1");
        List<Object> indexedArgs = new ArrayList<>();
        List<Object> walkedArgs = new ArrayList<>();
        if (!Boolean.TRUE.equals(query.includeRetired())) {
            indexed.append(" and r.status = 'PUBLISHED'");
            walked.append(" and r.status = 'PUBLISHED'");
        }
        boolean words = false;
        if (query.q() != null) {
            for (String word : query.q().toLowerCase(Locale.ROOT).trim().split("\\s+")) {
                String literal = word.replace("%", "").replace("_", "");
                if (!literal.isEmpty()) {
                    // the index finds the rows holding every pair of the word's characters, which for a word of one
                    // or two characters is the answer; LIKE keeps, of those, the rows holding a longer word. The
                    // pairs are written into the statement, not bound, so the planner sees how many rows they name.
                    indexed.append(" and catalog_grams(r.search_text) @> '").append(grams(literal).replace("'", "''"))
                            .append("'::text[]");
                    if (literal.codePointCount(0, literal.length()) > 2) {
                        indexed.append(" and r.search_text like ?");
                        indexedArgs.add("%" + literal + "%");
                    }
                    walked.append(" and r.search_text like ?");
                    walkedArgs.add("%" + literal + "%");
                    words = true;
                }
            }
        }
        filters(indexed, indexedArgs, query);
        filters(walked, walkedArgs, query);
        int page = query.pageOrFirst();
        int size = query.sizeOrDefault();
        // the resource's code comes first and under its own name: the source department's row has a code too
        String listing = "select r.code as listed_code, r.status, v.version, v.content, s.* from catalog_resource r"
                + " join catalog_version v on v.code = r.code and v.version = r.current_version"
                + " left join catalog_source_department s on s.code = r.code";
        RowMapper<CatalogListing> listed = (rs, row) -> new CatalogListing(rs.getString("listed_code"),
                rs.getInt("version"), rs.getString("status"), read(rs.getString("content"), CatalogEntry.class),
                sourceDepartment(rs, rs.getString("listed_code")));
        // filters only, or more matches of words than are counted: a page read in the codes' order that stops at it
        java.util.function.Supplier<List<CatalogListing>> walk = () -> {
            List<Object> args = new ArrayList<>(walkedArgs);
            args.addAll(List.of(size, (long) page * size));
            return jdbc.query(listing + walked + " order by r.code limit ? offset ?", listed, args.toArray());
        };
        if (!words) {
            // filters alone are counted in full: through their indexes, or a scan of the narrow rows, it costs little
            Long total = jdbc.queryForObject("select count(*) from catalog_resource r" + walked, Long.class,
                    walkedArgs.toArray());
            return new CatalogPage(total == null ? 0 : total, true, page, size, walk.get());
        }
        // words: the matching codes (up to one past the count's end) are found once through the index, then counted
        // and paged; the planner cannot tell how many a word matches, and a page planned on its guess may walk the
        // whole catalog
        long[] total = {0};
        List<Object> args = new ArrayList<>(indexedArgs);
        args.addAll(List.of(countedUpTo + 1, size, (long) page * size));
        List<CatalogListing> listings = jdbc.query("with hits as materialized (select r.code from catalog_resource r"
                        + indexed + " limit ?), shown as (select code from hits order by code limit ? offset ?)"
                        + " select (select count(*) from hits) as total, x.* from (select 1) as one"
                        + " left join (" + listing + " join shown on shown.code = r.code) as x on true order by x.listed_code",
                (rs, row) -> {
                    total[0] = rs.getLong("total");
                    return rs.getString("listed_code") == null ? null : listed.mapRow(rs, row);
                }, args.toArray());
        if (total[0] <= countedUpTo) {
            return new CatalogPage(total[0], true, page, size, listings.stream().filter(java.util.Objects::nonNull).toList());
        }
        return new CatalogPage(countedUpTo, false, page, size, walk.get());
    }

    /**
     * Published resources of other departments sharing data items (same normalised name and type) with these,
     * with how many they share.
     */
    List<Overlap> overlaps(String providerDepartment, List<CatalogEntry.DataItem> items) {
        List<List<String>> keys = items.stream().filter(i -> i.name() != null && i.type() != null)
                .map(i -> List.of(normalise(i.name()), normalise(i.type()))).distinct().toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        String pairs = keys.stream().map(k -> "(i.name_norm = ? and i.type_norm = ?)").collect(Collectors.joining(" or "));
        List<Object> args = new ArrayList<>();
        keys.forEach(args::addAll);
        args.add(providerDepartment);
        return jdbc.query("select r.code, r.name, r.provider_department, count(*) as shared from catalog_item i"
                        + " join catalog_resource r on r.code = i.code where (" + pairs + ") and r.provider_department <> ?"
                        + " group by r.code, r.name, r.provider_department",
                (rs, row) -> new Overlap(rs.getString("code"), rs.getString("name"), rs.getString("provider_department"),
                        rs.getInt("shared"), keys.size()), args.toArray());
    }

    /** For each of these item names (as given), the published resources holding an item of that name. */
    Map<String, List<String>> codesByItemName(List<String> itemNames) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        itemNames.forEach(name -> byName.put(name, new ArrayList<>()));
        List<String> names = itemNames.stream().map(CatalogStore::normalise).distinct().toList();
        if (names.isEmpty()) {
            return byName;
        }
        String in = names.stream().map(n -> "?").collect(Collectors.joining(", "));
        jdbc.query("select name_norm, code from catalog_item where name_norm in (" + in + ") order by code",
                (java.sql.ResultSet rs) -> {
                    String name = rs.getString(1);
                    String code = rs.getString(2);
                    itemNames.stream().filter(given -> normalise(given).equals(name))
                            .forEach(given -> byName.get(given).add(code));
                }, names.toArray());
        return byName;
    }

    /** The current version of a resource and its status in the sharing catalog. */
    Optional<CatalogListing> current(String code) {
        return jdbc.query("select r.code, r.status, r.current_version, s.* from catalog_resource r"
                        + " left join catalog_source_department s on s.code = r.code where r.code = ?",
                (rs, row) -> new CatalogListing(rs.getString(1), rs.getInt("current_version"), rs.getString("status"),
                        content(rs.getString(1), rs.getInt("current_version")), sourceDepartment(rs, rs.getString(1))), code)
                .stream().findFirst();
    }

    /** Names (or names anew) the source department of a published resource (Art. 19 of the national regulation). */
    void setSourceDepartment(SourceDepartment named) {
        jdbc.update("""
                insert into catalog_source_department (code, department, basis, consultation_id, named_by, named_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (code) do update set department = excluded.department, basis = excluded.basis,
                    consultation_id = excluded.consultation_id, named_by = excluded.named_by, named_at = excluded.named_at""",
                named.code(), named.department(), named.basis(), named.consultationId(), named.namedBy(), utc(named.namedAt()));
    }

    /** The source department columns of a row joined to catalog_source_department; null when the join found none. */
    private static SourceDepartment sourceDepartment(ResultSet rs, String code) throws SQLException {
        String department = rs.getString("department");
        return department == null ? null : new SourceDepartment(code, department, rs.getString("basis"),
                rs.getString("consultation_id"), rs.getString("named_by"),
                rs.getObject("named_at", OffsetDateTime.class).toInstant());
    }

    /** A published version's entry (every data access and request step reads the entry of the resource it concerns). */
    private CatalogEntry content(String code, int version) {
        return version(code, version).orElseThrow().content();
    }

    record Overlap(String code, String name, String department, int shared, int ofItems) {

        double share() {
            return ofItems == 0 ? 0 : (double) shared / ofItems;
        }
    }

    static String normalise(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String searchText(CatalogEntry e) {
        List<String> parts = new ArrayList<>(List.of(e.code(), e.name(), e.summary(), e.providerDepartment(),
                e.collectingDepartment(), e.statutoryDuty(), nullToEmpty(e.sharingConditions())));
        e.items().forEach(i -> parts.add(i.name()));
        return String.join(" ", parts).toLowerCase(Locale.ROOT);
    }

    /**
     * The word's pairs of characters (its one character, if it has one), as a PostgreSQL array literal: what
     * {@code catalog_grams} (V37) keeps of a search text, so a text holding the word holds all of them.
     */
    static String grams(String word) {
        int[] chars = word.codePoints().toArray();
        java.util.Set<String> grams = new java.util.LinkedHashSet<>();
        if (chars.length == 1) {
            grams.add(word);
        }
        for (int i = 0; i + 1 < chars.length; i++) {
            grams.add(new String(chars, i, 2));
        }
        return grams.stream().map(g -> "\"" + g.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static void filters(StringBuilder where, List<Object> args, CatalogQuery query) {
        filter(where, args, "r.provider_department", query.provider());
        filter(where, args, "r.kind", query.kind());
        filter(where, args, "r.sharing_type", query.sharingType());
        filter(where, args, "r.update_cycle", query.updateCycle());
        filter(where, args, "r.tier", query.tier());
    }

    private static void filter(StringBuilder where, List<Object> args, String column, Object value) {
        if (value != null && !value.toString().isBlank()) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value instanceof Enum<?> e ? e.name() : value);
        }
    }

    private Submission submission(ResultSet rs, int row) throws SQLException {
        return new Submission(rs.getString("id"), rs.getString("code"), Submission.Kind.valueOf(rs.getString("kind")),
                rs.getString("department"), rs.getString("submitted_by"),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                Submission.Status.valueOf(rs.getString("status")), read(rs.getString("content"), CatalogEntry.class),
                read(rs.getString("findings"), new TypeReference<List<Finding>>() { }),
                rs.getString("review_comment"), rs.getString("reviewed_by"), rs.getString("process_instance_id"),
                rs.getBoolean("overdue"), read(rs.getString("assessments"), new TypeReference<List<SubmissionAssessments.Recorded>>() { }),
                rs.getString("head_decision") == null ? null : new Submission.HeadApproval(rs.getString("head_decision"),
                        rs.getString("head_by"), rs.getObject("head_at", OffsetDateTime.class).toInstant(),
                        rs.getString("head_comment")));
    }

    /** A version row, parsed once: kept for this transaction at once, and by the node once it commits. */
    private CatalogVersion version(ResultSet rs, int row) throws SQLException {
        String key = rs.getString("code") + "#" + rs.getInt("version");
        CatalogVersion known = kept.get(key);
        if (known != null) {
            return known;
        }
        CatalogVersion read = new CatalogVersion(rs.getString("code"), rs.getInt("version"),
                Submission.Kind.valueOf(rs.getString("change_kind")), read(rs.getString("content"), CatalogEntry.class),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getString("approved_by"),
                rs.getString("submission_id"));
        readHere.current().put(key, read);
        AfterCommit.run(() -> kept.put(key, read));
        return read;
    }

    private String write(Object value) {
        return json.write(value);
    }

    private <T> T read(String text, Class<T> type) {
        return json.read(text, type, "the catalog tables");
    }

    private <T> T read(String text, TypeReference<T> type) {
        return json.read(text, type, "the catalog tables");
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
