package org.govshare.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** A transaction's memo is its own: a nested transaction starts afresh, and the memo ends with its transaction. */
class TransactionMemoIT extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aNestedTransactionHasAMemoOfItsOwnAndTheOuterKeepsItsOwn() {
        TransactionMemo<String, String> memo = new TransactionMemo<>();
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        outer.executeWithoutResult(tx -> {
            memo.current().put("decided", "outer");
            nested.executeWithoutResult(inner -> {
                assertThat(memo.current()).as("the nested transaction's memo").isEmpty();
                memo.current().put("decided", "nested");
                inner.setRollbackOnly();
            });
            assertThat(memo.current()).containsEntry("decided", "outer");
        });
        outer.executeWithoutResult(tx -> assertThat(memo.current()).as("a later transaction's memo").isEmpty());
        assertThat(memo.current()).as("outside a transaction").isEmpty();
    }
}
