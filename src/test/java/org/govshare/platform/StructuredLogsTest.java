package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.govshare.platform.CorrelationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** In production a log line is one JSON object carrying the correlation id of its request (docs/operations.md). */
class StructuredLogsTest {

    @Test
    void aProductionLogLineIsJsonWithTheRequestsCorrelationId() throws Exception {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-prod.yaml"));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new PropertiesPropertySource("prod", yaml.getObject()));
        String format = environment.getProperty("logging.structured.format.console");
        assertThat(format).as("the prod profile's console format").isNotBlank();

        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("org.govshare.request"), Level.INFO,
                "request GX-1 granted", null, null);
        event.setMDCPropertyMap(Map.of(CorrelationId.KEY, "5f0c0a56-request"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path(CorrelationId.KEY).asText()).isEqualTo("5f0c0a56-request");
        assertThat(json.path("message").asText()).isEqualTo("request GX-1 granted");
        assertThat(json.path("service").path("name").asText(json.path("service.name").asText())).isEqualTo("govshare");
    }
}
