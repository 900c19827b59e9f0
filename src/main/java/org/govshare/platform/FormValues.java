package org.govshare.platform;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.govshare.platform.web.InvalidInputException;

/**
 * Values of a completed task's form, as Tasklist or a feature's API door sends them: text, lists separated by commas
 * (or 、 ; and new lines), dates as {@code YYYY-MM-DD} or a form's date-time. Untrusted until the feature checks them.
 */
public final class FormValues {

    private FormValues() {
    }

    public static String text(VariableScope task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    public static List<String> list(VariableScope task, String name) {
        Object value = task.getVariable(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return Arrays.asList(value.toString().split("[,，、;；\\n]"));
    }

    public static LocalDate date(VariableScope task, String name, ZoneId zone) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "invalid-format", "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    public static List<String> cleaned(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
