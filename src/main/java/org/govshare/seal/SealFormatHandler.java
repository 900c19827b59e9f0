package org.govshare.seal;

/**
 * Makes and checks seals of one {@link SealFormat}. {@link #verify} reads nothing stored: offline verification calls
 * it with the trust material an evidence package carries.
 */
public interface SealFormatHandler {

    SealFormat format();

    /** The seal: detached for CMS and SES; the whole sealed PDF for PAdES. */
    byte[] seal(byte[] document, SealRequest request, SealingKey key);

    /** The id the register keeps for a seal made with this key: the seal object's for SES, else the certificate's serial. */
    default String sealIdOf(byte[] seal, SealingKey key) {
        return key.certificate().getSerialNumber().toString(16);
    }

    /** Whether these bytes are a seal (or sealed file) of this format. */
    boolean recognises(byte[] sealOrSealedFile);

    /**
     * @param document the document the seal is over; null when {@code seal} is a sealed file (PAdES)
     */
    SealVerdict verify(byte[] document, byte[] seal, TrustMaterial trust);
}
