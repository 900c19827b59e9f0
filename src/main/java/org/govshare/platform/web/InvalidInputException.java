package org.govshare.platform.web;

import java.util.List;
import java.util.Map;

/**
 * Input that breaks a rule of the platform. Answered with 400 and a problem detail listing each field, the rule
 * it breaks and what to do; the refusal is audited.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<InputError> errors;

    public InvalidInputException(String field, String rule, String message) {
        this(List.of(new FieldError(field, rule, message)));
    }

    public InvalidInputException(List<? extends InputError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }

    /**
     * The same refusal with fields renamed, e.g. a Tasklist form's keys as the names an API caller sent; fields not
     * in {@code names} keep theirs. Itself when nothing is renamed, and for a subclass, whose refusal says more than
     * its errors.
     */
    public InvalidInputException renamed(Map<String, String> names) {
        if (getClass() != InvalidInputException.class
                || errors.stream().noneMatch(e -> e instanceof FieldError && names.containsKey(e.field()))) {
            return this;
        }
        InvalidInputException renamed = new InvalidInputException(errors.stream().<InputError>map(e -> e instanceof FieldError f
                && names.containsKey(f.field()) ? new FieldError(names.get(f.field()), f.rule(), f.message()) : e).toList());
        renamed.setStackTrace(getStackTrace());
        return renamed;
    }

    /** Further facts for the problem detail beside {@code errors}, e.g. how many errors there were when the list is cut. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** One broken rule; problem details list them under {@code errors}, with whatever else locates them. */
    public interface InputError {

        String field();

        String rule();

        String message();
    }

    /**
     * One broken rule.
     *
     * @param field the field's path in the request, e.g. {@code role} or {@code items[2].sensitivity}
     * @param rule a stable rule name, e.g. {@code required}, {@code unknown-value}, {@code role-not-allowed-in-department}
     * @param message what is wrong and what to do, for a person
     */
    public record FieldError(String field, String rule, String message) implements InputError {
    }
}
