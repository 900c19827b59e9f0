package org.govshare.dispute;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.govshare.platform.FormValues;

/**
 * The authority's ruling as it arrives, from the platform API or the Tasklist form: untrusted until {@link Disputes}
 * has checked it against the stored dispute. A meeting, when its fields are filled, is recorded with it.
 *
 * @param decision GRANT_AS_ASKED, GRANT_IN_PART or UPHOLD
 * @param items GRANT_IN_PART: the items granted
 * @param validUntil GRANT_IN_PART: the last day granted (null: as asked)
 * @param conditions GRANT_IN_PART: conditions the grant carries
 */
public record RulingInput(String decision, List<String> items, LocalDate validUntil, String conditions, String reasons,
                          MeetingInput meeting) {

    public RulingInput {
        items = FormValues.cleaned(items);
    }

    /** A coordination meeting: when, who attended, what came of it. */
    public record MeetingInput(LocalDate date, String attendees, String outcome) {

        boolean empty() {
            return date == null && FormValues.blank(attendees) && FormValues.blank(outcome);
        }
    }

    /** Reads the ruling task's variables, under the names the form uses. */
    static RulingInput fromTask(VariableScope task, ZoneId zone) {
        MeetingInput meeting = new MeetingInput(FormValues.date(task, "meetingDate", zone),
                FormValues.text(task, "meetingAttendees"), FormValues.text(task, "meetingOutcome"));
        return new RulingInput(FormValues.text(task, "rulingDecision"), FormValues.list(task, "rulingItems"),
                FormValues.date(task, "rulingUntil", zone), FormValues.text(task, "rulingConditions"),
                FormValues.text(task, "rulingReasons"), meeting.empty() ? null : meeting);
    }
}
