package org.govshare.access;

import java.time.LocalDate;

/** Where a grant's reads are counted for every node at once ({@link AccessThrottleStore} in PostgreSQL). */
interface SharedReadCount {

    /** A grant's reads in a window, and when the window opened. */
    record Window(int reads, long startMillis) {
    }

    /**
     * A grant's reads in the window that holds {@code now}, these {@code reads} counted; a window opens at the first
     * read after the last one closed.
     */
    Window countReads(String grantId, int reads, long nowMillis, long windowMillis);

    /** One more refused read of the grant on that day. */
    void countRefusal(String grantId, LocalDate day);
}
