package org.govshare.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.govshare.platform.database.AfterCommit;
import org.govshare.platform.database.TransactionMemo;
import org.springframework.stereotype.Component;

/**
 * Published catalog versions, kept by this node once read. A version never changes once published (nothing updates
 * or deletes a {@code catalog_version} row), so a kept copy is never stale and needs no word from other nodes. A
 * request reads its resource's version several times (the eligibility rules, the grant's conditions); each read
 * after the first costs no round trip. A version read inside a transaction is kept only once that transaction has
 * committed, so one that was published and rolled back within it is never kept.
 */
@Component
class PublishedVersions {

    private final CatalogStore store;
    private final Map<String, CatalogVersion> kept;
    private final TransactionMemo<String, CatalogVersion> thisTransaction = new TransactionMemo<>();

    PublishedVersions(CatalogStore store, CatalogProperties properties) {
        this.store = store;
        int most = properties.versionsKept();
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CatalogVersion> eldest) {
                return size() > most;
            }
        });
    }

    Optional<CatalogVersion> version(String code, int version) {
        String key = code + "@" + version;
        CatalogVersion known = kept.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        // a request reads its version when it is decided and again when its grant is issued, in one transaction
        Map<String, CatalogVersion> readHere = thisTransaction.current();
        known = readHere.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<CatalogVersion> read = store.version(code, version);
        read.ifPresent(found -> {
            readHere.put(key, found);
            AfterCommit.run(() -> kept.put(key, found));
        });
        return read;
    }
}
