package org.govshare.audit;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.govshare.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of the hash chain: links committed events to the chain in batches, shortly after the transactions
 * that appended them commit (they tell it, and it gathers what else commits meanwhile) and, failing that, every poll
 * interval. Several nodes may run one each;
 * the chain-head row's lock lets one chain at a time. Appends themselves never wait for it.
 */
@Component
public class AuditChainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    private final AuditEventStore store;
    private final AuditProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Semaphore appended = new Semaphore(0);
    private final BackgroundWorker worker = new BackgroundWorker("audit-chainer", this::run);

    AuditChainer(AuditEventStore store, AuditProperties properties, PlatformTransactionManager transactions) {
        this.store = store;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Chains every event committed so far; returns how many. Verification, tests and the worker call it. */
    public long chainPending() {
        long chained = 0;
        int batch;
        do {
            batch = ownTransaction.execute(s -> store.chainPending(properties.chainer().batchSize()));
            chained += batch;
        } while (batch == properties.chainer().batchSize());
        return chained;
    }

    /** How many committed events wait to be chained. */
    public long unchained() {
        return store.unchained();
    }

    /** Called after a transaction that appended events committed. */
    void appended() {
        appended.release();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (appended.tryAcquire(properties.chainer().pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    BackgroundWorker.pause(properties.chainer().gather());
                }
                appended.drainPermits();
                chainPending();
                backoff = Duration.ofMillis(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Chaining audit events failed, retrying in {} ms; events wait in the database: {}",
                        backoff.toMillis(), e.getMessage());
                BackgroundWorker.pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
        // what was appended before the stop is chained now, not at the next start
        try {
            chainPending();
        } catch (RuntimeException e) {
            log.warn("Could not chain the last audit events at shutdown; they are chained at the next start: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return worker.running();
    }
}
