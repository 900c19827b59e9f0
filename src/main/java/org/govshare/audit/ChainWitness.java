package org.govshare.audit;

/**
 * Something outside the hash chain that vouches for it, asked by every verification: the chain alone cannot catch
 * someone who changes an event and recomputes every later hash, a witness holding what the chain was can. The
 * audit trail defines it and knows no implementation (the {@code anchor} module's checkpoints are one), so audit
 * depends on no witness.
 */
public interface ChainWitness {

    /**
     * Compares the stored chain, up to and including event {@code headSeq}, with what this witness holds.
     * Checkpoints past {@code headSeq} are left for the next verification.
     */
    Testimony testify(long headSeq);

    /**
     * What a witness found.
     *
     * @param checkpointsChecked how many of its checkpoints it compared with the chain
     * @param lastGoodCheckpoint the number of the last checkpoint that holds before the first that does not (or of
     *                           the last one, when all hold); null when none holds or there is none
     * @param anchoredUpTo the last event the good checkpoints vouch for (0 when none)
     * @param firstDoubtfulSeq the first event it cannot vouch for since the chain disagrees with it: the first one
     *                         after the last good checkpoint; null when the chain agrees
     * @param problem why, when it disagrees
     */
    record Testimony(long checkpointsChecked, Long lastGoodCheckpoint, long anchoredUpTo, Long firstDoubtfulSeq,
                     String problem) {

        public boolean agrees() {
            return firstDoubtfulSeq == null;
        }
    }
}
