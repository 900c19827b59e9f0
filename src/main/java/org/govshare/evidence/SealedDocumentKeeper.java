package org.govshare.evidence;

import java.util.Optional;

import org.govshare.seal.SealRecord;

/**
 * A module that keeps sealed documents (the authority's issued documents, say) offers them to evidence packages
 * through this: every bean is asked for each seal of a package's subject, and the first that keeps it answers.
 */
public interface SealedDocumentKeeper {

    /** The document this seal was made on, as kept; empty when this module does not keep it. */
    Optional<KeptDocument> kept(SealRecord record);

    /**
     * @param extension the file name's ending without the dot, e.g. {@code pdf}
     * @param content the document; for PAdES, the sealed PDF itself
     * @param seal the detached seal (CMS, SES); null when the seal is inside the document (PAdES)
     */
    record KeptDocument(String extension, byte[] content, byte[] seal) {
    }
}
