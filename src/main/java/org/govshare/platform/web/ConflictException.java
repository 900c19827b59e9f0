package org.govshare.platform.web;

/** The request clashes with what is stored (a duplicate code, a state that does not allow it). Answered with 409. */
public class ConflictException extends RuntimeException {

    private final String field;
    private final String rule;

    public ConflictException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
