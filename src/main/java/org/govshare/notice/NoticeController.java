package org.govshare.notice;

import java.util.List;

import org.govshare.identity.Official;
import org.govshare.platform.web.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notices: reminders, urges and outcomes addressed to them or to their workgroups. */
@RestController
class NoticeController {

    private final Notices notices;

    NoticeController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/api/notices")
    List<Notice> mine(@AuthenticationPrincipal Official me, Paging paging) {
        return notices.of(me, paging.page(), paging.size());
    }
}
