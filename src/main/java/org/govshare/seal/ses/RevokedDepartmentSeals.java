package org.govshare.seal.ses;

import java.util.Set;

import org.govshare.seal.SealRevocations;
import org.springframework.stereotype.Component;

/**
 * The revoked department seals, for the trust material. Apart from {@link DepartmentSeals}, which needs the
 * certificates that ask this.
 */
@Component
class RevokedDepartmentSeals implements SealRevocations {

    private final DepartmentSealStore store;

    RevokedDepartmentSeals(DepartmentSealStore store) {
        this.store = store;
    }

    @Override
    public Set<String> revokedSealIds() {
        return store.revokedIds();
    }
}
