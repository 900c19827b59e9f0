package org.govshare.platform.web;

import java.util.List;

/**
 * A request refused for one named rule about one field; the subclass says which answer it gets. Problem details
 * carry the rule as their type and as the one error.
 */
public abstract class RuleBrokenException extends RuntimeException {

    private final String field;
    private final String rule;

    protected RuleBrokenException(String field, String rule, String message) {
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

    List<InvalidInputException.FieldError> errors() {
        return List.of(new InvalidInputException.FieldError(field, rule, getMessage()));
    }
}
