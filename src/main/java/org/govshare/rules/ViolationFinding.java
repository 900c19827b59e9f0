package org.govshare.rules;

import java.time.LocalDate;
import java.util.List;

import org.govshare.supervision.ViolationType;

/**
 * What a supervision rule found: an act of Art. 33 by a department, on a subject and a day, with its evidence.
 *
 * @param rule the rule's name, a sentence
 * @param article the article(s) the rule cites
 * @param suspected found from figures rather than facts: the authority confirms or dismisses it
 * @param department the department that committed the act
 * @param type the act of Art. 33, which carries its item
 * @param subject what the act is about: a case number, a resource code, a grant
 * @param day the day the act happened (for a continuing act, the day it began)
 * @param evidence case numbers, {@code audit:<id>}, {@code version:<n>}
 * @param message the finding in one sentence, for the authority and the department
 */
public record ViolationFinding(String rule, String article, boolean suspected, String department, ViolationType type,
                               String subject, LocalDate day, List<String> evidence, String message) {

    public ViolationFinding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** OPEN for a hard fact, SUSPECTED for a figure: as the register records it. */
    public String status() {
        return suspected ? "SUSPECTED" : "OPEN";
    }

    public String citation() {
        return rule + " (Art. " + article + ")";
    }
}
