package org.govshare.assessment.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.govshare.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The assessment pages in a real browser (headless Debian Chromium): the authority reads a year's report with its
 * charts drawn by ECharts from the platform's own jar, and a department reads its own page and follows a figure to
 * the cases behind it. Screenshots go to {@code target/screenshots/}; each screen meets the accessibility bar.
 */
class AssessmentBrowserIT extends WithPublishedAssessments {

    private static final int YEAR = 2021;

    @Test
    void theAuthorityReadsTheYearsReportWithItsCharts() {
        try (Browser browser = Browser.open(port)) {
            browser.logIn("tasklist", "authority.li");
            browser.go("/assessment/" + YEAR);
            String shown = browser.waitForText(YEAR + " 年度政务信息资源共享工作考核", "排名", "历年得分趋势", "各项指标");
            assertThat(shown).contains(AssessmentFixture.DEPARTMENTS.values());
            for (String chart : new String[] {"chart-scores", "chart-trend", "chart-indicator-0", "chart-indicator-5"}) {
                browser.waitFor(By.cssSelector("#" + chart + " canvas"));
            }
            assertThat(browser.driver().findElements(By.cssSelector("script[src^='http']"))).as("nothing from the internet").isEmpty();
            browser.screenshot("assessment-year");
            browser.assertAccessible("assessment-year");
            browser.script("document.getElementById('scores').scrollIntoView()");
            browser.screenshot("assessment-charts");
        }
    }

    @Test
    void aDepartmentReadsItsOwnPageAndFollowsAFigureToItsCases() {
        try (Browser browser = Browser.open(port)) {
            browser.logIn("tasklist", "mzj.liu");
            browser.go("/assessment/" + YEAR);
            String year = browser.waitForText("排名", "各部门可查阅全部排名及本部门的考核明细");
            assertThat(year).contains(AssessmentFixture.DEPARTMENTS.values());
            browser.waitFor(By.cssSelector("#chart-scores canvas"));
            browser.click(By.cssSelector("#ranking a[href='/assessment/" + YEAR + "/departments/civil-affairs']"));

            String own = browser.waitForText("郑州市民政局", "考核指标", "审核意见", "依据案卷", "OP-civil-affairs-" + YEAR);
            browser.waitFor(By.cssSelector("#chart-department canvas"));
            String request = AssessmentFixture.caseNumber("GX", YEAR, 2, 1);
            assertThat(browser.driver().findElement(By.cssSelector("#cases a[href='/cases/requests/" + request + "']"))
                    .getText()).isEqualTo(request);
            for (String other : AssessmentFixture.DEPARTMENTS.keySet()) {
                if (!other.equals("civil-affairs")) {
                    assertThat(own).doesNotContain(AssessmentFixture.markers(YEAR, other));
                }
            }
            browser.screenshot("assessment-department");
            browser.assertAccessible("assessment-department");
            browser.script("document.getElementById('indicator-scores').scrollIntoView()");
            browser.screenshot("assessment-department-cases");

            browser.go("/assessment/" + YEAR + "/departments/public-security");
            String refused = browser.waitForText("各部门只能查阅本部门的考核明细");
            assertThat(refused).doesNotContain(AssessmentFixture.markers(YEAR, "public-security"));
        }
    }
}
