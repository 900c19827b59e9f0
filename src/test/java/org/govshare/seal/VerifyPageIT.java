package org.govshare.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.govshare.platform.pdf.DocumentFont;
import org.govshare.support.Browser;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seal check page, in a real browser and without a login, as anyone handed a sealed extract opens it: the extract
 * and its CMS seal are 有效, the extract with one byte changed is 内容已被篡改, an SES seal shows the department seal's
 * picture, a sealed PDF chosen alone is 有效; a certificate number nobody issued is 未找到; each screen meets the
 * accessibility bar.
 */
class VerifyPageIT extends IntegrationTest {

    @TempDir
    Path dir;

    @Autowired
    Sealing sealing;

    @Autowired
    DocumentFont font;

    @Test
    void anyoneChoosesADocumentAndItsSealAndSeesWhetherItHolds() throws IOException {
        byte[] extract = SealVerificationIT.EXTRACT;
        Sealing.Sealed sealed = sealing.seal(extract, SealFormat.CMS, new SealRequest(DocumentKind.DATA_EXTRACT,
                "public-security", "grant:GR-PAGE", "户籍信息摘录"));
        Path document = Files.write(dir.resolve("extract.json"), extract);
        Path seal = Files.write(dir.resolve("extract.p7s"), sealed.seal());
        byte[] changedBytes = extract.clone();
        changedBytes[4] ^= 1;
        Path changed = Files.write(dir.resolve("changed.json"), changedBytes);

        try (Browser browser = Browser.open(port)) {
            browser.go("/verify");
            browser.waitFor(By.id("verify-form"));
            browser.assertAccessible("verify-page");

            choose(browser, document, seal);
            String valid = browser.waitUntil(d -> {
                String shown = d.findElement(By.id("result")).getText();
                return shown.contains("有效") && shown.contains("郑州市公安局") ? shown : null;
            });
            assertThat(valid).contains("有效", "郑州市公安局", "户籍信息摘录", sealed.registerId(), "SM2")
                    .doesNotContain("无效");
            browser.screenshot("verify-valid");
            browser.assertAccessible("verify-valid");

            choose(browser, changed, seal);
            String invalid = browser.waitUntil(d -> {
                String shown = d.findElement(By.id("result")).getText();
                return shown.contains("无效") ? shown : null;
            });
            assertThat(invalid).contains("内容已被篡改").doesNotContain(sealed.registerId());
            browser.screenshot("verify-content-changed");
            browser.assertAccessible("verify-content-changed");

            Sealing.Sealed ses = sealing.seal(extract, SealFormat.SES, new SealRequest(DocumentKind.DATA_EXTRACT,
                    "public-security", "grant:GR-PAGE", "户籍信息摘录"));
            choose(browser, document, Files.write(dir.resolve("extract.ses"), ses.seal()));
            browser.waitUntil(d -> d.findElement(By.id("result")).getText().contains(ses.registerId()) ? true : null);
            // waits until the department seal's picture has loaded: an image that failed has no natural width
            browser.waitUntil(d -> browser.script("const i = document.getElementById('seal-picture');"
                    + " return i && i.complete && i.naturalWidth > 0 ? true : null;"));
            browser.screenshot("verify-ses");
            browser.assertAccessible("verify-ses");

            Sealing.Sealed pdf = sealing.seal(SealVerificationIT.onePagePdf(font), SealFormat.PADES,
                    new SealRequest(DocumentKind.DISPUTE_RULING, "sharing-authority", "ZY-PAGE", "争议裁决书"));
            browser.click(By.id("mode-sealed"));
            browser.waitFor(By.id("f-file")).sendKeys(Files.write(dir.resolve("ruling.pdf"), pdf.seal()).toAbsolutePath().toString());
            browser.click(By.id("verify"));
            String sealedPdf = browser.waitUntil(d -> {
                String shown = d.findElement(By.id("result")).getText();
                return shown.contains(pdf.registerId()) ? shown : null;
            });
            assertThat(sealedPdf).contains("有效", "郑州市政府信息资源共享主管部门", "PDF 签章").doesNotContain("无效");
            browser.assertAccessible("verify-pdf");

            // well formed (its check digit holds) but never issued
            browser.fill(browser.waitFor(By.id("f-licence")), "DZZZ-2099-999-9999999-3");
            browser.click(By.id("licence-lookup"));
            browser.waitUntil(d -> d.findElement(By.id("licence-result")).getText().contains("未找到") ? true : null);
            browser.assertAccessible("verify-licence-not-found");
        }
    }

    @Test
    void thePageAndItsFilesAreOpenToAnyone() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/verify/", "/verify/index.html", "/verify/verify.js", "/verify/verify.css"}) {
            HttpResponse<String> answer = http.send(api.request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> page = http.send(api.request("/verify/").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("lang=\"zh-CN\"", "电子印章验证", "查询电子证照");
        HttpResponse<String> script = http.send(api.request("/verify/verify.js").GET().build(), HttpResponse.BodyHandlers.ofString());
        for (InvalidReason reason : InvalidReason.values()) {
            assertThat(script.body()).as("a label for %s", reason).containsPattern("\\b" + reason.name() + ": \\[");
        }
        assertThat(script.body()).contains("'/api/seals/verify'", "'/api/licences/'")
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
        HttpResponse<String> bare = http.send(api.request("/verify").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/verify/"));
    }

    /** Picks the two files as a person does, through the file inputs, and presses 验证. */
    private static void choose(Browser browser, Path document, Path seal) {
        browser.waitFor(By.id("f-document")).sendKeys(document.toAbsolutePath().toString());
        browser.waitFor(By.id("f-seal")).sendKeys(seal.toAbsolutePath().toString());
        browser.script("document.getElementById('result').textContent = '';");
        browser.click(By.id("verify"));
    }
}
