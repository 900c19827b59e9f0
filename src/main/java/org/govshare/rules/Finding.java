package org.govshare.rules;

/**
 * What one rule said about a case: a refusal stops it, a review sends it to a person, a grant lets it through
 * when nothing else objects, and a flag is shown to the person who decides.
 *
 * @param rule the rule's name, a sentence (as in the DRL file)
 * @param article the article of the regulation the rule carries out
 * @param severity refusal, review, grant or flag
 * @param field the field of the case the finding is about, for the caller to fix
 * @param message what is wrong, for a person
 */
public record Finding(String rule, String article, Severity severity, String field, String message) {

    /** The rule as it is cited to people: "A conditional resource states its conditions (Art. 13)". */
    public String citation() {
        return rule + " (Art. " + article + ")";
    }

    public enum Severity {
        REFUSAL,
        REVIEW,
        GRANT,
        FLAG
    }
}
