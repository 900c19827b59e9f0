package org.govshare.dispute;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

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
        items = TaskValues.cleaned(items);
    }

    /** A coordination meeting: when, who attended, what came of it. */
    public record MeetingInput(LocalDate date, String attendees, String outcome) {

        boolean empty() {
            return date == null && TaskValues.blank(attendees) && TaskValues.blank(outcome);
        }
    }

    /** Reads the ruling task's variables, under the names the form uses. */
    static RulingInput fromTask(VariableScope task, ZoneId zone) {
        MeetingInput meeting = new MeetingInput(TaskValues.date(task, "meetingDate", zone),
                TaskValues.text(task, "meetingAttendees"), TaskValues.text(task, "meetingOutcome"));
        return new RulingInput(TaskValues.text(task, "rulingDecision"), TaskValues.list(task, "rulingItems"),
                TaskValues.date(task, "rulingUntil", zone), TaskValues.text(task, "rulingConditions"),
                TaskValues.text(task, "rulingReasons"), meeting.empty() ? null : meeting);
    }
}
