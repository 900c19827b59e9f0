package org.govshare.seal.ses;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.govshare.seal.SealFormat;
import org.govshare.seal.SealFormatHandler;
import org.govshare.seal.SealRequest;
import org.govshare.seal.SealVerdict;
import org.govshare.seal.SealingKey;
import org.govshare.seal.TimeStamping;
import org.govshare.seal.TrustMaterial;
import org.springframework.stereotype.Component;

/**
 * Seals in the GB/T 38540 format: a detached {@code SES_Signature} version 4 over the document's digest, with the
 * department's current seal for the key's algorithm and a time stamp over the signature value. Verification reads
 * nothing stored ({@link SesVerifier}).
 */
@Component
public class SesSealHandler implements SealFormatHandler {

    private final DepartmentSeals seals;
    private final TimeStamping timeStamping;
    private final Clock clock;

    SesSealHandler(DepartmentSeals seals, TimeStamping timeStamping, Clock clock) {
        this.seals = seals;
        this.timeStamping = timeStamping;
        this.clock = clock;
    }

    /** A handler that checks SES seals and cannot make them: offline verification has no seals and no TSA. */
    public static SesSealHandler checkingOnly() {
        return new SesSealHandler(null, null, null);
    }

    @Override
    public SealFormat format() {
        return SealFormat.SES;
    }

    @Override
    public byte[] seal(byte[] document, SealRequest request, SealingKey key) {
        return SesSigner.sign(document, propertyInfo(request), seals.current(key).seal(), key, clock.instant(), timeStamping)
                .der();
    }

    /** The seal object's id, which a revocation names. */
    @Override
    public String sealIdOf(byte[] seal, SealingKey key) {
        return SesSignature.getInstance(seal).toSign().eseal().sealInfo().esId();
    }

    @Override
    public boolean recognises(byte[] seal) {
        try {
            SesSignature.getInstance(seal);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public SealVerdict verify(byte[] document, byte[] seal, TrustMaterial trust) {
        return SesVerifier.verify(document, seal, trust);
    }

    /**
     * What the document is, as {@code propertyInfo}: the kind, subject and title form-encoded, since the standard's
     * IA5String takes ASCII only and a title is Chinese.
     */
    static String propertyInfo(SealRequest request) {
        return "kind=" + request.kind() + "&subject=" + encoded(request.subject()) + "&title=" + encoded(request.title());
    }

    private static String encoded(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
