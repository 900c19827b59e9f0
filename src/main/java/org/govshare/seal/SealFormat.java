package org.govshare.seal;

/** How a seal is carried. */
public enum SealFormat {
    /** CMS SignedData (RFC 5652), detached, with signing time and an RFC 3161 timestamp: for data */
    CMS,
    /** a GB/T 38540 SES_Signature, version 4, over the document's hash: for Chinese-standard documents */
    SES,
    /** a PAdES signature inside the PDF ({@code ETSI.CAdES.detached}), with the seal's picture on the page */
    PADES
}
