package org.govshare.request;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.govshare.platform.FormValues;

/**
 * A reviewer's answer as it arrives, from the platform API or from a Tasklist form: untrusted until
 * {@link SharingRequests} has checked it against the stored request.
 *
 * @param decision APPROVE, NARROW or REFUSE (the escalation task also knows URGE)
 * @param items the items to grant when narrowing (empty: as asked)
 * @param validUntil the last day to grant when narrowing (null: as asked)
 * @param unmask sensitive items granted unmasked (empty: all masked)
 * @param verify masked items granted as verification keys: matched exactly, shown masked (empty: none)
 * @param reasonCode REFUSE: what kind of reason it is, when the reviewer says (null: not said)
 */
public record ReplyInput(String decision, List<String> items, LocalDate validUntil, String addedConditions,
                         String legalBasisLaw, String legalBasisArticle, String reasons, List<String> unmask,
                         List<String> verify, RefusalReason reasonCode) {

    public ReplyInput {
        items = cleaned(items);
        unmask = cleaned(unmask);
        verify = cleaned(verify);
    }

    private static List<String> cleaned(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Reads a task's variables: the decision under its own name, the rest under the names the forms use. */
    static ReplyInput fromTask(VariableScope task, String decisionVariable, ZoneId zone) {
        return new ReplyInput(FormValues.text(task, decisionVariable), FormValues.list(task, "replyItems"),
                FormValues.date(task, "replyUntil", zone), FormValues.text(task, "replyConditions"),
                FormValues.text(task, "refusalLaw"), FormValues.text(task, "refusalArticle"),
                FormValues.text(task, "replyReasons"), FormValues.list(task, "replyUnmask"),
                FormValues.list(task, "replyVerify"), RefusalReason.of(FormValues.text(task, "reasonCode")));
    }
}
