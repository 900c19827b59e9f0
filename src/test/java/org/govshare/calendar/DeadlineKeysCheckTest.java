package org.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The start-up check that every deadline a process names has a setting. */
class DeadlineKeysCheckTest {

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                              id="Definitions_Test" targetNamespace="https://govshare.org/processes">
              <bpmn:process id="complaint" isExecutable="true">
                <bpmn:startEvent id="Event_Filed"/>
                <bpmn:userTask id="Task_Answer" camunda:dueDate="${deadlines.due('%s', execution)}"/>
                <bpmn:boundaryEvent id="Timer_AnswerDeadline" attachedToRef="Task_Answer">
                  <bpmn:timerEventDefinition>
                    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${deadlines.due('%s', execution)}</bpmn:timeDate>
                  </bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
              </bpmn:process>
            </bpmn:definitions>
            """;

    private static List<String> missing(String dueDateKey, String timerKey, Set<String> known) {
        byte[] bpmn = MODEL.formatted(dueDateKey, timerKey).getBytes(StandardCharsets.UTF_8);
        return DeadlineKeysCheck.missingKeys("complaint.bpmn", new ByteArrayInputStream(bpmn), known);
    }

    @Test
    void aDeadlineWithASettingPasses() {
        assertThat(missing("complaint-answer", "complaint-answer", Set.of("complaint-answer"))).isEmpty();
    }

    @Test
    void aTimerNamingAnUnknownKeyIsNamedWithItsProcessAndElement() {
        assertThat(missing("complaint-answer", "complaint-anwser", Set.of("complaint-answer"))).containsExactly(
                "process complaint (complaint.bpmn), element Timer_AnswerDeadline, names the deadline 'complaint-anwser',"
                        + " which is no deadline");
    }

    @Test
    void aTaskDueDateNamingAnUnknownKeyIsFoundToo() {
        assertThat(missing("complaint-reply", "complaint-answer", Set.of("complaint-answer")))
                .singleElement().asString().contains("element Task_Answer").contains("'complaint-reply'");
    }

    @Test
    void theModelsAsShippedNameOnlyKnownDeadlines() throws IOException {
        new DeadlineKeysCheck();
    }

    @Test
    void everyProcessShippedNamesItsDeadlinesThroughTheCheckedBean() throws IOException {
        // a deadline named another way (the old workdays.deadline) would escape the check
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.toList()) {
                assertThat(Files.readString(model)).as(model.toString()).doesNotContain("workdays.deadline(");
            }
        }
    }
}
