package org.govshare.notice;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.govshare.identity.Official;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notices: reminders, urges and outcomes addressed to them or to their workgroups. */
@RestController
@Validated
class NoticeController {

    private final Notices notices;

    NoticeController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/api/notices")
    List<Notice> mine(@AuthenticationPrincipal Official me,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return notices.of(me, page, size);
    }
}
