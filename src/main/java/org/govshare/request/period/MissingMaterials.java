package org.govshare.request.period;

import static org.govshare.platform.FormValues.blank;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.govshare.audit.AuditAction;
import org.govshare.calendar.Deadline;
import org.govshare.cases.CaseEngine;
import org.govshare.cases.CaseKind;
import org.govshare.cases.Cases;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.FormValues;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.request.SharingRequest;
import org.govshare.request.SharingRequests;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.rules.PackSetting;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incomplete materials (national Art. 21, step {@code materials-supplement}): the provider may not refuse a request
 * for missing materials; it lists everything missing in one notice, the applicant supplements within the pack's
 * {@code materials-supplement} working days, and the review goes on with the reply deadline {@link ReplyClock} sets.
 * Not supplemented in time, the request ends LAPSED. The {@code materials-supplement} process waits for the
 * supplement; each step finds its notice by process instance.
 */
@Service
public class MissingMaterials {

    public static final String PROCESS = "materials-supplement";
    public static final String SUPPLEMENTED_MESSAGE = "materials-supplemented";
    static final CaseKind KIND = new CaseKind(PROCESS, null, "requestNumber", "notice of missing materials", "sharing-request");

    private final MaterialsNoticeStore store;
    private final ReplyExtensionStore extensions;
    private final SharingRequests requests;
    private final PackInForce pack;
    private final Cases<MaterialsNotice> cases;
    private final ReplyClock clock;

    MissingMaterials(MaterialsNoticeStore store, ReplyExtensionStore extensions, SharingRequests requests, PackInForce pack,
                     CaseEngine engine) {
        this.store = store;
        this.extensions = extensions;
        this.requests = requests;
        this.pack = pack;
        this.cases = engine.cases(KIND, store.rows());
        this.clock = new ReplyClock(cases.workdays());
    }

    /** The provider's reviewer sends the one notice; the reply deadline moves past the supplement deadline at once. */
    @Transactional
    public MaterialsNotice sendNotice(Official by, String requestId, List<String> items, String note) {
        pack.require(OptionalStep.MATERIALS_SUPPLEMENT);
        SharingRequest request = requests.locked(requestId);
        if (!request.providerDepartment().equals(by.department()) || !by.has(Role.PROVIDER_REVIEWER)) {
            throw new AccessDeniedException("the notice of missing materials for " + requestId + " is sent by "
                    + request.providerDepartment() + "'s PROVIDER_REVIEWER officials");
        }
        if (store.rows().find(requestId).isPresent()) {
            throw new ConflictException("items", "one-supplement-notice", requestId + " has had its one notice of missing"
                    + " materials (Art. 21: everything missing is listed at once)");
        }
        if (!requests.awaitsReply(request)) {
            throw new ConflictException("status", "notice-while-reply-awaited", requestId + " is " + request.status()
                    + ": missing materials are notified while the reply is awaited and not yet due");
        }
        if (extensions.rows().find(requestId).filter(e -> e.status() == ReplyExtension.Status.ASKED).isPresent()) {
            throw new ConflictException("status", "no-notice-while-extension-asked", requestId + " waits for the authority's"
                    + " decision on its extension; send the notice once it is decided");
        }
        List<String> missing = FormValues.cleaned(items);
        if (missing.isEmpty()) {
            throw new InvalidInputException("items", "notice-lists-materials", "list every missing material, one per item");
        }
        Instant now = cases.now();
        Instant supplementDue = cases.due(Deadline.MATERIALS_SUPPLEMENT);
        boolean restarts = pack.get().flag(PackSetting.SUPPLEMENT_RESTARTS_CLOCK);
        int replyDays = cases.workdays().workingDaysOf(replyDeadlineKey(request));
        int left = clock.workingDaysLeft(now, request.replyDue());
        MaterialsNotice notice = new MaterialsNotice(requestId, missing, blank(note) ? null : note.strip(), by.login(), now,
                supplementDue, restarts, replyDays, left, request.replyDue(), MaterialsNotice.Status.AWAITING, null, null,
                null, null, null, null);
        MaterialsNotice sent = cases.open(notice, store::insert, cases.entry(AuditAction.MATERIALS_NOTICE_SENT, requestId)
                        .with("items", missing).with("supplementDue", supplementDue.toString()).with("restartsClock", restarts)
                        .with("workingDaysLeft", left).because(notice.note()),
                Map.of("resourceName", request.resourceName()));
        requests.moveReplyDue(requestId, clock.replyDue(supplementDue, restarts, replyDays, left),
                "waiting for the applicant to supplement the missing materials by " + supplementDue + " (Art. 21)");
        cases.send(request.requestedBy(), "MATERIALS_MISSING", "补正材料通知 " + requestId + ": materials missing",
                request.providerDepartment() + " needs: " + String.join("; ", missing)
                        + (notice.note() == null ? "" : " (" + notice.note() + ")") + ". Supplement by " + supplementDue
                        + " (POST /api/requests/" + requestId + "/supplement), or the request lapses", requestId);
        return sent;
    }

    /** The reply period of the request, for a clock that restarts: the one its eligibility rules chose, if any. */
    private static String replyDeadlineKey(SharingRequest request) {
        return request.replyDeadline() != null ? request.replyDeadline() : Deadline.SHARING_REQUEST_REPLY.key();
    }

    /** The applicant supplements; the review goes on before this returns. */
    @Transactional
    public MaterialsNotice supplement(Official by, String requestId, String materials, List<String> files) {
        SharingRequest request = requests.require(requestId);
        if (!request.applicantDepartment().equals(by.department()) || !by.has(Role.APPLICANT)) {
            throw new AccessDeniedException("materials for " + requestId + " are supplemented by "
                    + request.applicantDepartment() + "'s APPLICANT officials");
        }
        MaterialsNotice notice = cases.locked(requestId);
        if (notice.status() != MaterialsNotice.Status.AWAITING) {
            throw new ConflictException("status", "supplement-awaited-only", requestId + "'s notice of missing materials is "
                    + notice.status());
        }
        if (blank(materials)) {
            throw new InvalidInputException("materials", "supplement-gives-materials", "give what the notice lists: "
                    + String.join("; ", notice.items()));
        }
        store.supplement(requestId, materials.strip(), FormValues.cleaned(files), by.login(), cases.now());
        cases.correlate(SUPPLEMENTED_MESSAGE, notice);
        return cases.require(requestId);
    }

    // ---- steps of the materials-supplement process ----

    /** The process's start binds the notice named by its business key, the request's number. */
    public void bind(String processInstanceId, String requestNumber) {
        cases.bind(processInstanceId, requestNumber, n -> n.status() == MaterialsNotice.Status.AWAITING);
    }

    /** When the applicant supplements by, for the timer. */
    public Date supplementDue(String processInstanceId) {
        return Date.from(cases.ofProcess(processInstanceId).supplementDue());
    }

    /** Supplemented: the reply deadline runs again, from the supplement; the provider is told. */
    public void resume(String processInstanceId) {
        MaterialsNotice notice = cases.lockedOfProcess(processInstanceId);
        SharingRequest request = requests.require(notice.id());
        if (supersededBy(request, notice)) {
            return;
        }
        Instant due = clock.replyDue(notice.supplementedAt(), notice.restartsClock(), notice.replyWorkingDays(),
                notice.workingDaysLeft());
        requests.moveReplyDue(notice.id(), due, "materials supplemented: the reply period "
                + (notice.restartsClock() ? "starts again" : "resumes") + " (Art. 21)");
        store.close(notice.id(), MaterialsNotice.Status.SUPPLEMENTED, due);
        cases.record(cases.entry(AuditAction.MATERIALS_SUPPLEMENTED, notice.id()).with("files", notice.files())
                .with("replyDue", due.toString()));
        cases.send(cases.workgroup(request.providerDepartment(), Role.PROVIDER_REVIEWER), "MATERIALS_SUPPLEMENTED",
                "材料已补正 " + notice.id() + ": materials supplemented", request.applicantDepartment()
                        + " supplemented the materials; reply by " + due, notice.id());
    }

    /** Not supplemented in time: the request lapses, and both sides are told. */
    public void lapse(String processInstanceId) {
        MaterialsNotice notice = cases.lockedOfProcess(processInstanceId);
        if (supersededBy(requests.require(notice.id()), notice)) {
            return;
        }
        String why = "the materials listed on " + notice.sentAt() + " were not supplemented by " + notice.supplementDue()
                + " (Art. 21)";
        SharingRequest request = requests.lapse(notice.id(), why);
        store.close(notice.id(), MaterialsNotice.Status.LAPSED, null);
        String subject = "申请终止 " + notice.id() + " lapsed: materials not supplemented";
        cases.send(request.requestedBy(), "REQUEST_LAPSED", subject, why, notice.id());
        cases.send(cases.workgroup(request.providerDepartment(), Role.PROVIDER_REVIEWER), "REQUEST_LAPSED", subject, why,
                notice.id());
    }

    /**
     * A request that ended another way while its notice waited (the provider answered, the authority decided on
     * escalation, the applicant withdrew) leaves nothing to supplement or to lapse: the notice closes, so the process
     * ends instead of failing on a request that no longer waits.
     */
    private boolean supersededBy(SharingRequest request, MaterialsNotice notice) {
        if (request.status() == SharingRequest.Status.IN_REVIEW) {
            return false;
        }
        store.close(notice.id(), MaterialsNotice.Status.SUPERSEDED, null);
        cases.record(cases.entry(AuditAction.MATERIALS_NOTICE_SUPERSEDED, notice.id())
                .with("requestStatus", request.status().name()));
        return true;
    }

    /** The notice of a request, as whoever may see the request sees it. */
    public MaterialsNotice require(Official by, String requestId) {
        requests.visibleTo(by, requestId);
        return cases.require(requestId);
    }
}
