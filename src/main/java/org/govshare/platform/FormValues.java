package org.govshare.platform;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.govshare.platform.web.InvalidInputException;

/**
 * The one way a listener or delegate reads a value a person may have set on a task or start form, as Tasklist,
 * {@code /engine-rest} or a feature's API door sends it: text (a choice is text), a yes/no, a whole number, a date
 * ({@code YYYY-MM-DD} or a form's date-time) or a list (text separated by commas, 、 ; or new lines).
 *
 * <p>A value of another type than the field's answers {@code wrong-type} naming the field: the engine REST API lets a
 * caller send any type for any variable, and a cast would turn a number sent for a reason into a 500. Thrown inside
 * the completing command, the refusal rolls the completion back, so the task stays open and nothing is stored.
 * Values are untrusted beyond their type until the feature checks them.
 */
public final class FormValues {

    /** The rule a value of the wrong type breaks. */
    public static final String WRONG_TYPE = "wrong-type";

    private FormValues() {
    }

    /** Text or a choice; null when the field was not sent. */
    public static String text(VariableScope task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrongType(name, value, "text");
    }

    /** A yes/no; null when the field was not sent. */
    public static Boolean bool(VariableScope task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongType(name, value, "true or false");
    }

    /** A whole number; null when the field was not sent. */
    public static Integer number(VariableScope task, String name) {
        Object value = task.getVariable(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            throw wrongType(name, value, "a whole number");
        }
        // a form's number field may arrive as a Double; 2.0 is the whole number 2, 2.5 is not one
        if (number.doubleValue() != Math.rint(number.doubleValue()) || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
            throw new InvalidInputException(name, "invalid-format", number + " is not a whole number");
        }
        return number.intValue();
    }

    /** A list of text: a collection, or text separated by commas, 、 ; or new lines; empty when not sent. */
    public static List<String> list(VariableScope task, String name) {
        Object value = task.getVariable(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text) {
            return Arrays.asList(text.split("[,，、;；\\n]"));
        }
        throw wrongType(name, value, "text, its items separated by commas");
    }

    /** A day: a date, or text {@code YYYY-MM-DD} (a longer date-time is cut to its day); null when not sent or blank. */
    public static LocalDate date(VariableScope task, String name, ZoneId zone) {
        Object value = task.getVariable(name);
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        if (value != null && !(value instanceof String)) {
            throw wrongType(name, value, "a date (YYYY-MM-DD)");
        }
        String text = (String) value;
        if (text == null || text.isBlank()) {
            return null;
        }
        text = text.strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "invalid-format", "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    public static List<String> cleaned(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static InvalidInputException wrongType(String name, Object value, String expected) {
        return new InvalidInputException(name, WRONG_TYPE,
                "expected " + expected + ", got " + typeOf(value) + "; send it as the form does");
    }

    private static String typeOf(Object value) {
        if (value instanceof Boolean) {
            return "true/false";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Date) {
            return "a date";
        }
        if (value instanceof Collection<?>) {
            return "a list";
        }
        return "an object";
    }
}
