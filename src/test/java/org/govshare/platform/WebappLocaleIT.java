package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The running platform serves our Chinese locale, config and stylesheet in place of the webjar's, and keeps English. */
class WebappLocaleIT extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void theWebappsServeOurChineseLocaleAndConfig(String app) {
        String root = "/camunda/app/" + app;

        Response chinese = api.get(null, root + "/locales/zh-CN.json");
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.json().path("labels").path("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("登录");

        Response english = api.get(null, root + "/locales/en.json");
        assertThat(english.status()).as("English is still served from the webjar").isEqualTo(200);
        assertThat(english.body()).contains("\"PAGE_LOGIN_SIGN_IN_ACTION\": \"Log in\"");

        Response config = api.get(null, root + "/scripts/config.js");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).as("ours, not the webjar's").contains("fallbackLocale: 'zh-CN'");

        Response styles = api.get(null, root + "/styles/user-styles.css");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.body()).contains(".ce-eol-banner");
        assertThat(config.body()).as("the accessibility repairs are loaded").contains("customScripts: ['../govshare/accessibility']");
        assertThat(api.get(null, "/camunda/app/govshare/accessibility.js").status()).isEqualTo(200);
    }
}
