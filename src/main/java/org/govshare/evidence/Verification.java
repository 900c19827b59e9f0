package org.govshare.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * What the offline verifier found, line by line, in the order it checked: each line holds, fails, or is a note that
 * asks nothing of the package (a root's fingerprint to compare, a document the platform does not keep).
 */
final class Verification {

    /** The exit code when every check holds, when one does not, and when the package cannot be read at all. */
    static final int ALL_HOLD = 0;
    static final int SOMETHING_FAILS = 1;
    static final int UNREADABLE = 2;

    enum Kind { OK, FAIL, NOTE }

    record Line(Kind kind, String text) {

        @Override
        public String toString() {
            return String.format("%-4s %s", kind, text);
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private boolean unreadable;

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
        return unreadable ? UNREADABLE : failures() == 0 ? ALL_HOLD : SOMETHING_FAILS;
    }

    /** The closing line. */
    String summary() {
        if (unreadable) {
            return "UNREADABLE: the package could not be read, so nothing in it was checked";
        }
        return failures() == 0 ? "ALL HOLD: " + checks() + " checks, none failed"
                : "NOT ALL HOLD: " + failures() + " of " + checks() + " checks failed";
    }
}
