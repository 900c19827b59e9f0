package org.govshare.request;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.govshare.audit.AuditAction;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.Cases;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reply deadline of a request under review, for the steps that move it (national Art. 21: an approved extension,
 * a supplement of missing materials): the stored deadline, the reminder, the review task's due date and the timers
 * the process waits on move together, so the late-reply violation follows the deadline as moved. A deadline is never
 * recomputed from the pack; it only moves here.
 */
@Service
public class ReplyDeadlines {

    static final String DEADLINE_TIMER = "Timer_ReplyDeadline";
    static final String REMINDER_TIMER = "Timer_ReplyReminder";

    private final RequestStore store;
    private final Cases<SharingRequest> cases;
    private final ManagementService management;
    private final TaskService tasks;
    private final RequestsProperties properties;

    ReplyDeadlines(RequestStore store, CaseEngine engine, ManagementService management, TaskService tasks,
                   RequestsProperties properties) {
        this.store = store;
        this.cases = engine.cases(SharingRequests.KIND, store.rows());
        this.management = management;
        this.tasks = tasks;
        this.properties = properties;
    }

    /**
     * Whether the request waits for the provider's reply with its deadline still ahead: under review (or its reply
     * with the provider's head) and the deadline timer not yet fired.
     */
    public boolean awaitsReply(String requestId) {
        SharingRequest request = cases.require(requestId);
        return awaiting(request) && timer(request, DEADLINE_TIMER).isPresent();
    }

    /**
     * Moves the reply deadline of a request that awaits its reply: the stored deadline and the reminder (the set
     * number of working days before it), the deadline and reminder timers, the review task's due date; audited with
     * the old and new deadline and why.
     *
     * @throws ConflictException when the request does not await a reply or its deadline has passed already
     */
    @Transactional
    public SharingRequest moveReplyDue(String requestId, Instant newDue, String why) {
        if (newDue == null || why == null || why.isBlank()) {
            throw new InvalidInputException("replyDue", "move-needs-due-and-reason", "a deadline moves to a moment, for a reason");
        }
        SharingRequest request = cases.locked(requestId);
        Job deadline = timer(request, DEADLINE_TIMER).filter(j -> awaiting(request)).orElseThrow(() -> new ConflictException(
                "replyDue", "reply-awaited", requestId + " is " + request.status() + (request.overdue()
                        ? " and its reply deadline " + request.replyDue() + " has passed" : " and awaits no reply")));
        Instant reminder = cases.workdays().before(newDue, properties.reminderWorkingDays());
        store.moveReplyDue(request.id(), newDue, reminder);
        management.setJobDuedate(deadline.getId(), Date.from(newDue));
        timer(request, REMINDER_TIMER).ifPresent(j -> management.setJobDuedate(j.getId(), Date.from(reminder)));
        tasks.createTaskQuery().processInstanceId(request.processInstanceId()).taskDefinitionKey("Task_ReviewRequest")
                .list().forEach(t -> {
                    t.setDueDate(Date.from(newDue));
                    tasks.saveTask(t);
                });
        cases.record(cases.entry(AuditAction.REQUEST_REPLY_DUE_MOVED, request.id())
                .with("from", request.replyDue().toString()).with("to", newDue.toString()).because(why.strip()));
        return cases.require(requestId);
    }

    private static boolean awaiting(SharingRequest request) {
        return request.status() == SharingRequest.Status.IN_REVIEW
                || request.status() == SharingRequest.Status.REPLY_AWAITING_APPROVAL;
    }

    private Optional<Job> timer(SharingRequest request, String activityId) {
        return request.processInstanceId() == null ? Optional.empty() : Optional.ofNullable(management.createJobQuery()
                .processInstanceId(request.processInstanceId()).activityId(activityId).singleResult());
    }
}
