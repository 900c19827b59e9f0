package org.govshare.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

import org.govshare.catalog.CatalogEntries;
import org.govshare.support.Api;
import org.springframework.jdbc.core.JdbcTemplate;

/** Hosted datasets for the timeliness tests: published, pushed, and their push moved into the past. */
public final class PushedDatasets {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private PushedDatasets() {
    }

    /** A Civil Affairs hosted dataset (DAILY), published and pushed once over HTTP; its code. */
    public static String publishedAndPushed(Api api) {
        String code = CatalogEntries.publish(api, "mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        Api.Response pushed = api.postBody("mzj.chen", "/api/data/" + code + "/records?mode=REPLACE", "application/json",
                "[{\"统一社会信用代码\":\"51410100MJ0000001X\",\"组织名称\":\"郑州市志愿者协会\"}]".getBytes(StandardCharsets.UTF_8));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        return code;
    }

    /** Dates the resource's versions so many days back (at 10:00 in Beijing): the date is what timeliness reads. */
    public static void pushedDaysAgo(JdbcTemplate jdbc, String code, int days) {
        jdbc.update("update dataset_version set created_at = ? where resource_code = ?",
                Timestamp.from(LocalDate.now(BEIJING).minusDays(days).atTime(10, 0).atZone(BEIJING).toInstant()), code);
    }
}
