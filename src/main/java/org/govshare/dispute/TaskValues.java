package org.govshare.dispute;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.govshare.platform.web.InvalidInputException;

/** Values of a completed task's form, as Tasklist sends them: text, comma-separated lists, dates. */
final class TaskValues {

    private TaskValues() {
    }

    static String text(VariableScope task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    static List<String> list(VariableScope task, String name) {
        Object value = task.getVariable(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return Arrays.asList(value.toString().split("[,，、;；\\n]"));
    }

    static LocalDate date(VariableScope task, String name, ZoneId zone) {
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

    static List<String> cleaned(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
