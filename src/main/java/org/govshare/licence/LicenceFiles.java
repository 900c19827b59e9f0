package org.govshare.licence;

/**
 * A licence's files as kept.
 *
 * @param document the JSON document ({@code licence.json})
 * @param seal its detached seal (GB/T 38540 or CMS)
 * @param pdf the PAdES-sealed PDF, when the PDF module made one; else null
 */
record LicenceFiles(byte[] document, byte[] seal, byte[] pdf) {
}
