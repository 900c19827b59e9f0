package org.govshare.dataset;

import java.io.IOException;

/**
 * The records of a push body, read one at a time so that memory does not grow with the body. Problems of the
 * body's shape (an unknown column, a value that is not a scalar) go to the push's errors; a body that cannot be
 * read on (malformed JSON) ends the reading with {@link Unreadable}.
 */
interface PushedRecords {

    /**
     * The value of a required item whose column the CSV header lacks: reported once at the header, not again on
     * every row.
     */
    Object ABSENT_COLUMN = new Object();

    /** The next record, or null at the end of the body. */
    Raw next() throws IOException;

    /** Where reading is: the record being read, for an error that stops it (bad UTF-8). */
    long row();

    /**
     * One record as pushed.
     *
     * @param values by item position (see {@link RecordSchema#position}); null where the record has none
     * @param broken whether its shape already broke a rule, so its values are checked but it is not written
     */
    record Raw(long row, Object[] values, boolean broken) {
    }

    /** The body cannot be read past this point. */
    final class Unreadable extends RuntimeException {

        private final long row;
        private final String rule;

        Unreadable(long row, String rule, String message) {
            super(message, null, false, false);
            this.row = row;
            this.rule = rule;
        }

        long row() {
            return row;
        }

        String rule() {
            return rule;
        }
    }
}
