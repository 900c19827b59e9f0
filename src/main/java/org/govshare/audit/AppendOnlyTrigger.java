package org.govshare.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** Keeps the H2 audit table append-only in the local run, as the PostgreSQL trigger does in production. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " is not allowed");
    }
}
