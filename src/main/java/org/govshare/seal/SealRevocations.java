package org.govshare.seal;

import java.util.Set;

/** Seals (not certificates) revoked; every bean of it feeds {@link TrustMaterial#revokedSealIds()}. */
public interface SealRevocations {

    Set<String> revokedSealIds();
}
