package org.govshare.audit;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The hash chain as other modules may read it: its head and the links of a stretch of it, never the events. */
@Service
public class ChainLinks {

    private final AuditEventStore store;
    private final AuditChainer chainer;

    ChainLinks(AuditEventStore store, AuditChainer chainer) {
        this.store = store;
        this.chainer = chainer;
    }

    /** The last chained event (sequence 0 and 64 zeros before the first), after chaining what is committed. */
    public ChainLink chainedHead() {
        chainer.chainPending();
        return head();
    }

    /** The last chained event as the chain head row names it (sequence 0 and 64 zeros before the first). */
    @Transactional(readOnly = true)
    public ChainLink head() {
        AuditEventStore.ChainHead head = store.head();
        String id = head.seq() == 0 ? null
                : store.links(head.seq(), head.seq()).stream().map(ChainLink::eventId).findFirst().orElse(null);
        return new ChainLink(head.seq(), id, head.hash());
    }

    /** The links of the stored events {@code firstSeq} to {@code lastSeq}, in order; a missing one is not there. */
    @Transactional(readOnly = true)
    public List<ChainLink> between(long firstSeq, long lastSeq) {
        return store.links(firstSeq, lastSeq);
    }
}
