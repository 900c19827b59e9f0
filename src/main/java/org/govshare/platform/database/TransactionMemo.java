package org.govshare.platform.database;

import java.util.HashMap;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction has read or written already, for facts nothing else can change until it ends (a published
 * catalog version; a value it stored in a row it holds locked): asked again in the same transaction, they cost no
 * round trip, and the memo ends with the transaction, committed or rolled back. Outside a transaction nothing is
 * remembered.
 */
public final class TransactionMemo<K, V> {

    /**
     * The memo of the current transaction: empty in a new one, a fresh throwaway map outside one; a nested
     * transaction has its own ({@link TransactionState}).
     */
    public Map<K, V> current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        @SuppressWarnings("unchecked")
        Memo<K, V> memo = TransactionState.of(Memo.class, m -> m.owner == this, () -> new Memo<>(this));
        return memo.values;
    }

    /** A transaction's memo; registered as a synchronization only to be suspended and dropped with it. */
    private static final class Memo<K, V> implements TransactionSynchronization {

        private final TransactionMemo<K, V> owner;
        private final Map<K, V> values = new HashMap<>();

        Memo(TransactionMemo<K, V> owner) {
            this.owner = owner;
        }
    }
}
