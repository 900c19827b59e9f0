package org.govshare.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * Keeps the H2 audit table append-only in the local run, as the PostgreSQL trigger does in production: the one
 * change allowed is chaining an unchained event (setting its sequence number and hashes), its content untouched.
 */
public class AppendOnlyTrigger implements Trigger {

    /** Columns in table order: seq, then the content (id … details), then prev_hash and hash. */
    private static final int SEQ = 0;
    private static final int LAST_CONTENT = 11;
    private static final int PREV_HASH = 12;
    private static final int HASH = 13;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && chaining(oldRow, newRow)) {
            return;
        }
        throw new SQLException("audit_event is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " is not allowed");
    }

    private static boolean chaining(Object[] oldRow, Object[] newRow) {
        if (oldRow[SEQ] != null || newRow[SEQ] == null || newRow[PREV_HASH] == null || newRow[HASH] == null) {
            return false;
        }
        for (int i = SEQ + 1; i <= LAST_CONTENT; i++) {
            if (!Objects.equals(oldRow[i], newRow[i])) {
                return false;
            }
        }
        return true;
    }
}
