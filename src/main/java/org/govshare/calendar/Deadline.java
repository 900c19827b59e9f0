package org.govshare.calendar;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The deadlines the processes know, each a setting under {@code govshare.deadlines.working-days} by its key. A rule
 * pack sets their figures; a new process adds its deadline here, so a key is a checked name, never a loose string:
 * a setting for a key no process knows, or a deadline without a setting, stops the start.
 */
public enum Deadline {

    /** The authority reviews a catalog submission. */
    CATALOG_REVIEW,
    /** The provider answers a conditional sharing request. */
    SHARING_REQUEST_REPLY,
    /** The provider verifies an error report. */
    ERROR_VERIFICATION,
    /** The other party states its case in a dispute. */
    DISPUTE_STATEMENT,
    /** A consulted department answers a collection consultation. */
    CONSULTATION_ANSWER,
    /** A department rectifies a violation. */
    RECTIFICATION,
    /** The authority investigates a complaint and finds on it. */
    COMPLAINT_INVESTIGATION,
    /** The respondent of a complaint gives its statement when the authority asks. */
    COMPLAINT_STATEMENT,
    /** The authority reviews the draft of the annual assessment (a reminder when it waits longer). */
    ASSESSMENT_REVIEW;

    private static final Set<String> KEYS = Arrays.stream(values()).map(Deadline::key)
            .collect(Collectors.toCollection(TreeSet::new));

    /** The name settings and BPMN expressions use, e.g. {@code catalog-review}: the way settings bind the constant. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Deadline> ofKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst();
    }

    static Set<String> keys() {
        return KEYS;
    }
}
