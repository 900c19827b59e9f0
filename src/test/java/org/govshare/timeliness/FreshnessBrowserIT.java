package org.govshare.timeliness;

import static org.assertj.core.api.Assertions.assertThat;


import org.govshare.support.Browser;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Freshness on the pages, in a real browser: the catalog's list and a resource's page say how many days late a hosted
 * dataset last pushed ten days ago is, and the case page of a resource's catalog submission says a dataset pushed
 * today is on time, to its provider; each screen meets the accessibility bar.
 */
class FreshnessBrowserIT extends IntegrationTest {

    @Test
    void theCatalogAndTheCasePageShowEachResourcesFreshness() {
        String stale = PushedDatasets.publishedAndPushed(api);
        String fresh = PushedDatasets.publishedAndPushed(api);
        PushedDatasets.pushedDaysAgo(jdbc, stale, 10);
        String submission = jdbc.queryForObject("select id from catalog_submission where code = ? and status = 'PUBLISHED'",
                String.class, fresh);

        try (Browser browser = Browser.open(port)) {
            browser.logIn("tasklist", "mzj.chen");
            browser.go("/catalog/?q=" + stale);
            String list = browser.waitUntil(d -> {
                String rows = d.findElement(By.id("rows")).getText();
                return rows.contains("逾期9天") ? rows : null;
            });
            assertThat(list).contains(stale, "9 days late");
            browser.screenshot("catalog-freshness");
            browser.assertAccessible("catalog-freshness");

            browser.go("/catalog/?resource=" + stale);
            String detail = browser.waitUntil(d -> {
                String shown = d.findElement(By.id("detail")).getText();
                return shown.contains("数据时效") && shown.contains("逾期9天") ? shown : null;
            });
            assertThat(detail).contains("第 1 版", "每日", "宽限截止");
            browser.assertAccessible("catalog-resource-freshness");

            browser.go("/cases/submissions/" + submission);
            String page = browser.waitUntil(d -> {
                var section = d.findElements(By.id("sec-freshness"));
                String shown = section.isEmpty() ? "" : section.get(0).getText();
                return shown.contains("按时更新") ? shown : null;
            });
            assertThat(page).contains("第 1 版", "每日").doesNotContain("逾期");
            browser.script("document.getElementById('sec-freshness').scrollIntoView()");
            browser.screenshot("case-page-freshness");
            browser.assertAccessible("case-page-freshness");
        }
    }
}
