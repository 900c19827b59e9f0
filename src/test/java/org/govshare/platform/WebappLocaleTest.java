package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda webapps (all four) speak Simplified Chinese: every key path of the webjar's English locale has a
 * Chinese value in ours, and our config.js makes zh-CN available and the fallback. Our files sit at the webjar's own
 * paths under src/main/resources and win on the classpath.
 */
class WebappLocaleTest {

    private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
    private static final Path OURS = Path.of("src/main/resources", WEBJAR);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void everyEnglishKeyHasAChineseValue(String app) throws IOException {
        JsonNode english = webjarEnglish(app);
        JsonNode chinese = JSON.readTree(OURS.resolve(app + "/locales/zh-CN.json").toFile());

        List<String> missing = new ArrayList<>();
        compare("", english, chinese, missing);

        assertThat(english.path("labels").size()).as("the English file was read").isGreaterThan(100);
        assertThat(missing).as(app + ": key paths without a Chinese value").isEmpty();
        assertThat(chinese.path("labels").path("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("登录");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void configMakesChineseTheFallbackAndKeepsEnglish(String app) throws IOException {
        String config = Files.readString(OURS.resolve(app + "/scripts/config.js"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^\\s*//.*$", "");

        assertThat(config).containsPattern("availableLocales:\\s*\\['zh-CN',\\s*'en'\\]")
                .containsPattern("fallbackLocale:\\s*'zh-CN'")
                .contains("vendor: 'GovShare'");
        if (app.equals("tasklist")) {
            assertThat(config).as("the default tasklist config is kept").contains("shortcuts:", "claimTask");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void theCamunda8MigrationBannerIsHidden(String app) throws IOException {
        String css = Files.readString(OURS.resolve(app + "/styles/user-styles.css"), StandardCharsets.UTF_8);

        assertThat(css).containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none");
    }

    /** English key paths whose English value is not blank must have a non-blank Chinese value of the same shape. */
    private static void compare(String path, JsonNode english, JsonNode chinese, List<String> missing) {
        if (english.isObject()) {
            for (Map.Entry<String, JsonNode> field : english.properties()) {
                compare(path + "/" + field.getKey(), field.getValue(), chinese.path(field.getKey()), missing);
            }
        } else if (english.isArray()) {
            if (!chinese.isArray() || chinese.size() != english.size()) {
                missing.add(path);
                return;
            }
            for (int i = 0; i < english.size(); i++) {
                compare(path + "/" + i, english.get(i), chinese.get(i), missing);
            }
        } else if (chinese.isMissingNode() || chinese.isContainerNode()
                || (!english.asText().isBlank() && chinese.asText().isBlank())) {
            missing.add(path);
        }
    }

    private static JsonNode webjarEnglish(String app) throws IOException {
        try (InputStream in = WebappLocaleTest.class.getClassLoader().getResourceAsStream(WEBJAR + app + "/locales/en.json")) {
            assertThat(in).as("the Camunda webjar is on the test classpath").isNotNull();
            return JSON.readTree(in);
        }
    }
}
