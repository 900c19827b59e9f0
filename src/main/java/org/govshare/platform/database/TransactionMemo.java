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

    /** The memo of the current transaction: empty in a new one, a fresh throwaway map outside one. */
    public Map<K, V> current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        @SuppressWarnings("unchecked")
        Map<K, V> memo = (Map<K, V>) TransactionSynchronizationManager.getResource(this);
        if (memo == null) {
            memo = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, memo);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
                }
            });
        }
        return memo;
    }
}
