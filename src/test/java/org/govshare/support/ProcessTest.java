package org.govshare.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The shape of every process test: the real processes, delegates and services on the in-memory engine (H2),
 * driven with Camunda BPM Assert. The clock is reset after each test that moves it.
 */
@SpringBootTest
@ActiveProfiles("engine-test")
public abstract class ProcessTest {

    @Autowired
    protected ProcessEngine processEngine;

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
