package org.govshare.grant;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Grants a test issues directly, as a decided request would, without going through a request's steps. */
public final class TestGrants {

    public static final String PURPOSE = "核查社会组织登记情况 checking registered organisations";

    private TestGrants() {
    }

    /** Public Security (gaj.zhang) holds every item of a Civil Affairs resource for thirty days from today. */
    public static Grant issue(Grants grants, String resourceCode, List<String> items) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return grants.issue(new NewGrant("public-security", "civil-affairs", resourceCode, "社会组织登记信息 " + resourceCode,
                items, PURPOSE, "《社会团体登记管理条例》 第二十九条", "", List.of("gaj.zhang"), List.of(), today,
                today.plusDays(30), Grants.SOURCE_REQUEST, "GX-2026-" + resourceCode.substring(resourceCode.length() - 6),
                List.of(), List.of()));
    }
}
