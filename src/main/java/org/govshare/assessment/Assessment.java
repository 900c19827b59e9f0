package org.govshare.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.govshare.cases.Case;

/**
 * The annual assessment of one year as a case: its number (business key), where it stands, who started it and when
 * the authority's review is due.
 */
public record Assessment(String id, int year, Status status, String processInstanceId, String startedBy,
                         Instant startedAt, Instant reviewDue, String reviewedBy, Instant closedAt) implements Case {

    public enum Status {
        /** started; the figures are being computed */
        COMPUTING,
        /** the draft waits for the authority's review */
        IN_REVIEW,
        /** every department has the authority's opinion; publication follows */
        REVIEWED,
        PUBLISHED
    }

    /**
     * The authority's words on one department: they never change a figure.
     *
     * @param notes indicator key → a note on that figure
     */
    public record Review(String department, String opinion, List<String> improvements, Map<String, String> notes,
                         String reviewedBy, Instant reviewedAt) {

        public Review {
            improvements = improvements == null ? List.of() : List.copyOf(improvements);
            notes = notes == null ? Map.of() : Map.copyOf(notes);
        }
    }
}
