package org.govshare.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.govshare.platform.web.InvalidInputException;

/**
 * The errors of one push: every one is counted, the first few are kept for the answer, so a file with a broken
 * column does not turn into a million-line reply (or a million objects in memory).
 */
final class PushErrors {

    private final int max;
    private final List<RowError> kept = new ArrayList<>();
    private long count;

    PushErrors(int max) {
        this.max = max;
    }

    void add(long row, String field, String rule, String message) {
        count++;
        if (kept.size() < max) {
            kept.add(new RowError(row, field, rule, message));
        }
    }

    boolean any() {
        return count > 0;
    }

    long count() {
        return count;
    }

    /** The refusal: the first errors, how many there were, and that nothing was written. */
    RefusedPush refusal() {
        return new RefusedPush(kept, count);
    }

    /** A push refused as a whole. */
    static final class RefusedPush extends InvalidInputException {

        private final long errorCount;

        RefusedPush(List<RowError> errors, long errorCount) {
            super(errors);
            this.errorCount = errorCount;
        }

        @Override
        public String getMessage() {
            RowError first = (RowError) errors().get(0);
            return "the push has " + errorCount + (errorCount == 1 ? " error" : " errors")
                    + (errorCount > errors().size() ? " (the first " + errors().size() + " are listed)" : "")
                    + "; nothing was written. First: " + (first.row() > 0 ? "row " + first.row() + ", " : "")
                    + first.field() + ": " + first.message();
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("errorCount", errorCount);
        }
    }
}
