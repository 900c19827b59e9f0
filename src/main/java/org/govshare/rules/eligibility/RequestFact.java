package org.govshare.rules.eligibility;

/**
 * The request's stated purpose, the statutory duty it cites (law and article in one text) and its scenario.
 */
public record RequestFact(String purpose, String duty, String scenario) {

    public boolean dutyCited() {
        return !duty.isBlank();
    }
}
