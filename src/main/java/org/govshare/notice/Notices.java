package org.govshare.notice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.govshare.identity.Official;
import org.springframework.stereotype.Service;

/**
 * The notices officials see in {@code GET /api/notices}: addressed to them or to a workgroup they are in. A notice
 * is sent in the transaction of the step that sends it; the step's own audit event records it.
 */
@Service
public class Notices {

    private final NoticeStore store;
    private final Clock clock;

    Notices(NoticeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Notice send(String recipient, String kind, String subject, String body, String objectType, String objectId) {
        Notice notice = new Notice(UUID.randomUUID().toString(), recipient, kind, cut(subject, 300), cut(body, 2000),
                objectType, objectId, clock.instant());
        store.insert(notice);
        return notice;
    }

    /** The notices addressed to an official or to any of their workgroups, newest first. */
    public List<Notice> of(Official official, int page, int size) {
        List<String> recipients = new ArrayList<>(official.groupIds());
        recipients.add(official.login());
        return store.addressedTo(recipients, page, size);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
