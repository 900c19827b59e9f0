package org.govshare.seal;

/**
 * What is sealed, for whom: the register keeps it beside the document's hash.
 *
 * @param department the code of the department whose seal is applied
 * @param subject what the document is about, e.g. a case number, {@code grant:GR-…} or {@code checkpoint:12}
 * @param title a human title, shown by the verification page
 */
public record SealRequest(DocumentKind kind, String department, String subject, String title) {
}
