package org.govshare.platform.web;

/** The request clashes with what is stored (a duplicate code, a state that does not allow it). Answered with 409. */
public class ConflictException extends RuleBrokenException {

    public ConflictException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
