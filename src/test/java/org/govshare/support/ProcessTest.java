package org.govshare.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shape of every process test: the real processes, delegates and services on the engine, driven with Camunda
 * BPM Assert, on the same PostgreSQL as production: a database of their own on the test server, made afresh per
 * test JVM, so neither the integration tests nor an earlier run leave anything in it. The clock is reset after
 * each test that moves it.
 */
@SpringBootTest
@ActiveProfiles("engine-test")
public abstract class ProcessTest {

    @Autowired
    protected ProcessEngine processEngine;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.jdbcUrl("process_tests"));
        registry.add("spring.datasource.username", TestInfrastructure::dbUser);
        registry.add("spring.datasource.password", TestInfrastructure::dbPassword);
    }

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetClockAndAuthentication() {
        ClockUtil.reset();
        processEngine.getIdentityService().clearAuthentication();
    }
}
