package org.govshare.cases;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The ways every case table is read, and the one way it is bound to its process: by its id, by its id with the row
 * locked until the transaction ends (which serialises the steps of one case: replies, deadlines, withdrawals arriving
 * together), and by the process instance that works it. Each feature's store keeps its own table, columns and row
 * mapping.
 */
public final class CaseRows<T> {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String select;
    private final RowMapper<T> rows;

    /** Every column of the table. */
    public CaseRows(JdbcTemplate jdbc, String table, RowMapper<T> rows) {
        this(jdbc, table, "*", rows);
    }

    /**
     * @param table   the case table; a constant of the store, never built from input
     * @param columns the columns the row mapping reads, e.g. to leave a large one out
     */
    public CaseRows(JdbcTemplate jdbc, String table, String columns, RowMapper<T> rows) {
        this.jdbc = jdbc;
        this.table = table;
        this.select = "select " + columns + " from " + table;
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

    /** Records the process instance that works the case. */
    void bind(String id, String processInstanceId) {
        jdbc.update("update " + table + " set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    private Optional<T> first(String sql, String value) {
        return jdbc.query(sql, rows, value).stream().findFirst();
    }
}
