package org.govshare.platform.database;

import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State that lives and dies with one transaction, kept as one of its synchronizations: a transaction suspended for a
 * nested one keeps its own, and the nested one starts afresh (a resource bound to the thread would be seen, and
 * written, by both). Call it only while synchronization is active.
 */
public final class TransactionState {

    private TransactionState() {
    }

    /** The current transaction's synchronization that {@code mine} picks; one from {@code fresh}, registered, if none. */
    public static <S extends TransactionSynchronization> S of(Class<S> kind, Predicate<? super S> mine,
                                                              Supplier<S> fresh) {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (kind.isInstance(synchronization) && mine.test(kind.cast(synchronization))) {
                return kind.cast(synchronization);
            }
        }
        S made = fresh.get();
        TransactionSynchronizationManager.registerSynchronization(made);
        return made;
    }
}
