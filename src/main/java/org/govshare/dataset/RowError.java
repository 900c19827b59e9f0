package org.govshare.dataset;

import org.govshare.platform.web.InvalidInputException;

/**
 * One broken rule in a push.
 *
 * @param row the record's number: 1, 2, 3 … in a JSON array; the line of the data row in a CSV file (the header is
 *            line 1); 0 for the body as a whole
 * @param field the data item, or {@code body}
 */
record RowError(long row, String field, String rule, String message) implements InvalidInputException.InputError {
}
