package org.govshare.document;

import java.time.LocalDate;

/**
 * What an official document says, in the parts GB/T 9704 gives every one: the issuing department, the document
 * number, the title, whom it is addressed to, the body, and the date under which the seal goes.
 *
 * @param issuer the issuing department's name, as its seal reads
 * @param number the document number: the case number, the violation, the year assessed
 * @param addressee whom it is for, e.g. the two departments of a dispute
 * @param body the text; each line is a paragraph
 * @param issuedOn the date it is issued under
 */
public record OfficialDocument(String issuer, String number, String title, String addressee, String body,
                               LocalDate issuedOn) {
}
