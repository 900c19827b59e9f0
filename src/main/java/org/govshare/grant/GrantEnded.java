package org.govshare.grant;

import java.time.Instant;

/**
 * A grant came to an end: its last day passed (EXPIRED), its holder declared the purpose met (PURPOSE_MET) or it was
 * revoked (REVOKED). Published inside the transaction that ended it, so that what follows an end (the disposal of the
 * data, national Art. 27) happens with it or not at all.
 *
 * @param how the state the grant ended in
 */
public record GrantEnded(String grantId, Grant.Status how, Instant at) {
}
