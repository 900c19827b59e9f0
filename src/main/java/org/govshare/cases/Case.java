package org.govshare.cases;

/**
 * What the case kernel reads of every kind of case: the stored records of the features implement it (a record's own
 * accessors answer), so one {@link Cases} serves them all.
 */
public interface Case {

    /** The case number, e.g. {@code GX-2026-000123}; the process's business key for a numbered case. */
    String id();

    /** The process instance that works the case; null until its first step bound it. */
    String processInstanceId();

    /** Where the case stands, as its feature names it. */
    Enum<?> status();

    /**
     * Whether a department is party to the case, and so may cite it as evidence (in a complaint). A kind that does not
     * say is cited by nobody.
     */
    default boolean concerns(String department) {
        return false;
    }
}
