package org.govshare.request;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.govshare.platform.web.InvalidInputException;

/**
 * A reviewer's answer as it arrives, from the platform API or from a Tasklist form: untrusted until
 * {@link SharingRequests} has checked it against the stored request.
 *
 * @param decision APPROVE, NARROW or REFUSE (the escalation task also knows URGE)
 * @param items the items to grant when narrowing (empty: as asked)
 * @param validUntil the last day to grant when narrowing (null: as asked)
 * @param unmask sensitive items granted unmasked (empty: all masked)
 */
public record ReplyInput(String decision, List<String> items, LocalDate validUntil, String addedConditions,
                         String legalBasisLaw, String legalBasisArticle, String reasons, List<String> unmask) {

    public ReplyInput {
        items = cleaned(items);
        unmask = cleaned(unmask);
    }

    private static List<String> cleaned(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Reads a task's variables: the decision under its own name, the rest under the names the forms use. */
    static ReplyInput fromTask(VariableScope task, String decisionVariable, ZoneId zone) {
        return new ReplyInput(text(task, decisionVariable), list(task.getVariable("replyItems")),
                date(task.getVariable("replyUntil"), zone), text(task, "replyConditions"), text(task, "refusalLaw"),
                text(task, "refusalArticle"), text(task, "replyReasons"), list(task.getVariable("replyUnmask")));
    }

    private static String text(VariableScope task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof java.util.Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return Arrays.asList(value.toString().split("[,，、;；\\n]"));
    }

    private static LocalDate date(Object value, ZoneId zone) {
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
            throw new InvalidInputException("replyUntil", "invalid-format", "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
