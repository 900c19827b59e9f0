package org.govshare.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * What the offline verifier found, line by line, in the order it checked: each line holds, fails, or is a note that
 * asks nothing of the package (a root's fingerprint to compare, a document the platform does not keep).
 */
final class Verification {

    /**
     * The exit codes: every check holds against roots the reader pinned; one does not; the package cannot be read at
     * all; every check holds, but against the roots the package carries, which a forger could have made too.
     */
    static final int ALL_HOLD = 0;
    static final int SOMETHING_FAILS = 1;
    static final int UNREADABLE = 2;
    static final int HOLDS_UNPINNED = 3;

    enum Kind { OK, FAIL, NOTE }

    record Line(Kind kind, String text) {

        @Override
        public String toString() {
            return String.format("%-4s %s", kind, text);
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private boolean unreadable;
    private boolean pinned;

    void holds(String text) {
        lines.add(new Line(Kind.OK, text));
    }

    void fails(String text) {
        lines.add(new Line(Kind.FAIL, text));
    }

    void note(String text) {
        lines.add(new Line(Kind.NOTE, text));
    }

    /** Either way: one line that holds or fails. */
    void check(boolean holds, String whenHolds, String whenFails) {
        if (holds) {
            holds(whenHolds);
        } else {
            fails(whenFails);
        }
    }

    /**
     * Runs one check of a part of the package, so that a part no check foresaw (a null where a value belongs, a
     * number too big) fails as a line naming it instead of stopping the run.
     */
    void guarded(String part, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            fails(part + ": cannot be checked, it is malformed ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    /** The seals were checked against roots the reader pinned, not the package's own. */
    void pinned() {
        pinned = true;
    }

    /** The package could not be read: nothing in it was checked. */
    Verification unreadable(String why) {
        unreadable = true;
        lines.add(new Line(Kind.FAIL, why));
        return this;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    long failures() {
        return lines.stream().filter(l -> l.kind() == Kind.FAIL).count();
    }

    long checks() {
        return lines.stream().filter(l -> l.kind() != Kind.NOTE).count();
    }

    int exitCode() {
        if (unreadable) {
            return UNREADABLE;
        }
        return failures() > 0 ? SOMETHING_FAILS : pinned ? ALL_HOLD : HOLDS_UNPINNED;
    }

    /** The closing line. */
    String summary() {
        if (unreadable) {
            return "UNREADABLE: the package could not be read, so nothing in it was checked";
        }
        if (failures() > 0) {
            return "NOT ALL HOLD: " + failures() + " of " + checks() + " checks failed";
        }
        return pinned ? "ALL HOLD: " + checks() + " checks, none failed"
                : "HOLDS AGAINST THE PACKAGE'S OWN ROOTS: " + checks() + " checks; pin the platform's roots with --root"
                        + " (GET /api/seals/roots) to prove who sealed it";
    }
}
