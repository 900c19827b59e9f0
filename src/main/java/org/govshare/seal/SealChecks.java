package org.govshare.seal;

import java.util.List;

/**
 * Seal checks with no platform around them: no Spring, no database, no network. The offline verifier of evidence
 * packages uses them with the trust material a package carries; each format's handler is made for checking only
 * (it could not seal: it has no time-stamping authority).
 */
public final class SealChecks {

    private static final List<SealFormatHandler> CHECKERS = List.of(new PadesSealHandler(null),
            org.govshare.seal.ses.SesSealHandler.checkingOnly(), new CmsSealHandler(null));

    private SealChecks() {
    }

    /** @param document null when {@code seal} is a sealed file (a PDF) */
    public static SealVerdict verify(byte[] document, byte[] seal, TrustMaterial trust) {
        BouncyCastle.provider();
        return CHECKERS.stream().filter(h -> Sealing.recognises(h, seal)).findFirst()
                .map(h -> Sealing.checked(h, document, seal, trust))
                .orElseGet(() -> SealVerdict.invalid(null, InvalidReason.MALFORMED, "not a seal the platform reads"));
    }
}
