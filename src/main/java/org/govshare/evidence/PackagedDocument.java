package org.govshare.evidence;

import org.govshare.seal.SealRecord;

/**
 * A seal the register recorded about the package's subject, and where the package holds the sealed document, when
 * the platform keeps it.
 *
 * @param file the document's path in the package (for a PDF with its seal inside, the sealed PDF); null when the
 *             platform does not keep the document, and only the register's record is carried
 * @param sealFile the detached seal's path (CMS, SES); null for a sealed PDF or a document not carried
 */
record PackagedDocument(SealRecord record, String file, String sealFile) {
}
