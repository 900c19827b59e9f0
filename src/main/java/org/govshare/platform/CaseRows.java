package org.govshare.platform;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The three ways every case table is read: by its id, by its id with the row locked until the transaction ends (which
 * serialises the steps of one case: replies, deadlines, withdrawals arriving together), and by the process instance
 * that works it. Each feature's store keeps its own table, columns and row mapping.
 */
public final class CaseRows<T> {

    private final JdbcTemplate jdbc;
    private final String select;
    private final RowMapper<T> rows;

    /**
     * @param select the query up to its {@code where}, e.g. {@code select * from dispute}; a constant of the store,
     *               never built from input
     */
    public CaseRows(JdbcTemplate jdbc, String select, RowMapper<T> rows) {
        this.jdbc = jdbc;
        this.select = select;
        this.rows = rows;
    }

    public Optional<T> find(String id) {
        return first(select + " where id = ?", id);
    }

    public Optional<T> lock(String id) {
        return first(select + " where id = ? for update", id);
    }

    public Optional<T> ofProcess(String processInstanceId) {
        return first(select + " where process_instance_id = ?", processInstanceId);
    }

    private Optional<T> first(String sql, String value) {
        return jdbc.query(sql, rows, value).stream().findFirst();
    }
}
