package org.govshare.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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
    private final String columns;
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
        this.columns = columns;
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

    public Optional<T> lockOfProcess(String processInstanceId) {
        return first(select + " where process_instance_id = ? for update", processInstanceId);
    }

    /**
     * A page of cases, newest first: those a department is party to in any of the given columns (all cases when the
     * department is null or no column is given), in one status (any when null).
     *
     * @param openedColumn       when a case was opened, e.g. {@code filed_at}; a constant of the store
     * @param departmentColumns  the columns that name a party, e.g. {@code applicant_department}; constants too
     */
    public List<T> newestFirst(String openedColumn, String department, List<String> departmentColumns, Enum<?> status,
                               int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (department != null && !departmentColumns.isEmpty()) {
            where.append(" and (").append(departmentColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(" or ")))
                    .append(")");
            departmentColumns.forEach(c -> args.add(department));
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.name());
        }
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(select + where + " order by " + openedColumn + " desc, id desc limit ? offset ?", rows,
                args.toArray());
    }

    /**
     * Binds a case not yet bound to the process instance that works it, and reads it, in one statement that also
     * locks its row until the transaction ends; empty when there is no such case or it is bound already.
     */
    public Optional<T> bindUnbound(String id, String processInstanceId) {
        return jdbc.query("update " + table + " set process_instance_id = ? where id = ? and process_instance_id is null"
                + " returning " + columns, rows, processInstanceId, id).stream().findFirst();
    }

    /** Records the process instance that works the case. */
    void bind(String id, String processInstanceId) {
        jdbc.update("update " + table + " set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    private Optional<T> first(String sql, String value) {
        return jdbc.query(sql, rows, value).stream().findFirst();
    }
}
