package org.govshare.grant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.cases.CaseRows;
import org.govshare.platform.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Grants in the database. */
@Repository
class GrantStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final CaseRows<Grant> rows;
    private final JsonColumns json;

    GrantStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new CaseRows<>(jdbc, "sharing_grant", this::grant);
    }

    /** How many grants are in force today. */
    long activeCount() {
        Long count = jdbc.queryForObject("select count(*) from sharing_grant where status = 'ACTIVE'", Long.class);
        return count == null ? 0 : count;
    }

    void insert(Grant g) {
        jdbc.update("""
                insert into sharing_grant (id, consumer_department, provider_department, resource_code, resource_name, items,
                                           purpose, duty, conditions, officials, systems, valid_from, valid_until, source_type,
                                           source_id, issued_at, status, unmasked_items, verification_keys, delivery_due)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                g.id(), g.consumerDepartment(), g.providerDepartment(), g.resourceCode(), g.resourceName(), write(g.items()),
                g.purpose(), g.duty(), g.conditions(), write(g.officials()), write(g.systems()), g.validFrom(),
                g.validUntil(), g.sourceType(), g.sourceId(), Timestamp.from(g.issuedAt()), g.status().name(),
                write(g.unmaskedItems()), write(g.verificationKeys()),
                g.deliveryDue() == null ? null : Timestamp.from(g.deliveryDue()));
    }

    Optional<Grant> find(String id) {
        return rows.find(id);
    }

    /** Serialises changes to one grant (a revocation and the expiry sweep) until the transaction ends. */
    Optional<Grant> lock(String id) {
        return rows.lock(id);
    }

    /** Ends a grant by someone's act (REVOKED or TERMINATED), saying who, when and why. */
    void end(String id, Grant.Status status, String by, Instant at, String reason) {
        jdbc.update("update sharing_grant set status = ?, revoked_by = ?, revoked_at = ?, revocation_reason = ? where id = ?",
                status.name(), by, Timestamp.from(at), reason, id);
    }

    void purposeMet(String id) {
        jdbc.update("update sharing_grant set status = 'PURPOSE_MET' where id = ?", id);
    }

    /** Records the data of a resource delivered on the grants still waiting for it; returns their ids. */
    List<String> delivered(String resourceCode, Instant at) {
        return jdbc.queryForList("update sharing_grant set delivered_at = ? where resource_code = ?"
                + " and delivery_due is not null and delivered_at is null returning id", String.class,
                Timestamp.from(at), resourceCode);
    }

    /**
     * Grants whose delivery was due in {@code [from, to)} and had not arrived by then (national Art. 22): still
     * waiting, or delivered after the due moment.
     */
    List<Grant> deliveredLate(Instant from, Instant to) {
        return jdbc.query("select * from sharing_grant where delivery_due >= ? and delivery_due < ?"
                + " and (delivered_at is null or delivered_at > delivery_due) order by delivery_due, id", this::grant,
                Timestamp.from(from), Timestamp.from(to));
    }

    /** Marks as expired the active grants whose last day is before {@code today}; returns their ids. */
    List<String> expireBefore(LocalDate today, Instant at) {
        List<String> due = jdbc.queryForList("select id from sharing_grant where status in ('ACTIVE', 'NOT_YET_VALID')"
                + " and valid_until < ? order by id for update", String.class, today);
        due.forEach(id -> jdbc.update("update sharing_grant set status = 'EXPIRED', expired_at = ? where id = ?",
                Timestamp.from(at), id));
        return due;
    }

    List<Grant> forResource(String consumerDepartment, String resourceCode) {
        return jdbc.query("select * from sharing_grant where consumer_department = ? and resource_code = ?"
                + " order by valid_until desc, id desc", this::grant, consumerDepartment, resourceCode);
    }

    /** The grants a consumer holds for a resource that are neither revoked, expired nor past their last day. */
    List<Grant> valid(String consumerDepartment, String resourceCode, LocalDate today) {
        return jdbc.query("select * from sharing_grant where consumer_department = ? and resource_code = ?"
                        + " and status in ('ACTIVE', 'NOT_YET_VALID') and valid_until >= ? order by valid_until desc, id desc",
                this::grant, consumerDepartment, resourceCode, today);
    }

    /**
     * The grants not yet ended on {@code today} (active or still to start), optionally only a consumer's, a provider's
     * or one resource's (null: any), oldest first.
     */
    List<Grant> live(String consumerDepartment, String providerDepartment, String resourceCode, LocalDate today) {
        return jdbc.query("select * from sharing_grant where status in ('ACTIVE', 'NOT_YET_VALID') and valid_until >= ?"
                        + " and (cast(? as varchar) is null or consumer_department = ?)"
                        + " and (cast(? as varchar) is null or provider_department = ?)"
                        + " and (cast(? as varchar) is null or resource_code = ?) order by issued_at, id",
                this::grant, today, consumerDepartment, consumerDepartment, providerDepartment, providerDepartment,
                resourceCode, resourceCode);
    }

    /**
     * Grants of a department on one side, newest first (null column: every grant), optionally only those in a state
     * on {@code today}: a state follows the calendar before the expiry sweep has written it down.
     */
    List<Grant> list(String column, String department, Grant.Status status, LocalDate today, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (column != null) {
            where.append(" and ").append(column).append(" = ?");
            args.add(department);
        }
        if (status != null) {
            String live = "status in ('ACTIVE', 'NOT_YET_VALID')";
            switch (status) {
                case REVOKED, TERMINATED, PURPOSE_MET -> {
                    where.append(" and status = ?");
                    args.add(status.name());
                }
                case EXPIRED -> {
                    where.append(" and (status = 'EXPIRED' or (").append(live).append(" and valid_until < ?))");
                    args.add(today);
                }
                case ACTIVE -> {
                    where.append(" and ").append(live).append(" and valid_from <= ? and valid_until >= ?");
                    args.add(today);
                    args.add(today);
                }
                case NOT_YET_VALID -> {
                    where.append(" and ").append(live).append(" and valid_from > ?");
                    args.add(today);
                }
            }
        }
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("select * from sharing_grant" + where + " order by issued_at desc, id desc limit ? offset ?",
                this::grant, args.toArray());
    }

    private Grant grant(ResultSet rs, int row) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new Grant(rs.getString("id"), rs.getString("consumer_department"), rs.getString("provider_department"),
                rs.getString("resource_code"), rs.getString("resource_name"), read(rs.getString("items")),
                rs.getString("purpose"), rs.getString("duty"), rs.getString("conditions"), read(rs.getString("officials")),
                read(rs.getString("systems")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getString("source_type"), rs.getString("source_id"),
                rs.getTimestamp("issued_at").toInstant(), Grant.Status.valueOf(rs.getString("status")),
                rs.getString("revoked_by"), revokedAt == null ? null : revokedAt.toInstant(), rs.getString("revocation_reason"),
                read(rs.getString("unmasked_items")), read(rs.getString("verification_keys")),
                instant(rs.getTimestamp("delivery_due")), instant(rs.getTimestamp("delivered_at")));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private String write(List<String> values) {
        return json.write(values);
    }

    private List<String> read(String text) {
        return text == null ? List.of() : json.read(text, STRINGS, "sharing_grant");
    }
}
