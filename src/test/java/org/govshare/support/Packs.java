package org.govshare.support;

/**
 * The rule pack the build runs the suite under ({@code -Dgovshare.rules.pack}, zhengzhou-2015 by default), for the
 * tests whose expectations are the pack's figures: a date counted from a deadline, an article cited.
 */
public final class Packs {

    public static final String ZHENGZHOU = "zhengzhou-2015";
    public static final String NATIONAL = "national-2025";
    /** The pack in force in this run. */
    public static final String IN_FORCE = System.getProperty("govshare.rules.pack", ZHENGZHOU);

    private Packs() {
    }

    public static boolean national() {
        return NATIONAL.equals(IN_FORCE);
    }

    /** What a test expects under each shipped pack, e.g. the end of a 10-working-day deadline or of a 2-day one. */
    public static <T> T byPack(T zhengzhou, T national) {
        return national() ? national : zhengzhou;
    }
}
