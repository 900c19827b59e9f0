package org.govshare.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * At start-up, reads every model under {@code processes/} for the deadlines its timers and task due dates name
 * ({@code deadlines.due('…')}) and stops the start when one is no {@link Deadline} (each of which has a setting
 * in every pack that needs it, {@code deadlines:} of {@code pack.yaml}), with a sentence naming the process, the element and the key: otherwise
 * the first case to reach that timer would fail, days later, inside the engine.
 */
@Component
class DeadlineKeysCheck {

    private static final Pattern KEY = Pattern.compile("deadlines\\.due\\(\\s*'([^']*)'");

    DeadlineKeysCheck() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn")) {
            try (InputStream in = model.getInputStream()) {
                missing.addAll(missingKeys(model.getFilename(), in, Deadline.keys()));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join("; ", missing) + ". Name one of " + Deadline.keys()
                    + " or add the deadline to calendar.Deadline with its figure in the rule packs (deadlines: of pack.yaml).");
        }
    }

    /** One sentence per deadline a model names that {@code known} lacks: which process, which element, which key. */
    static List<String> missingKeys(String file, InputStream bpmn, Set<String> known) {
        BpmnModelInstance model = Bpmn.readModelFromStream(bpmn);
        List<String> missing = new ArrayList<>();
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            for (ModelElementInstance when : Stream.of(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())
                    .filter(Objects::nonNull).toList()) {
                check(file, (BaseElement) timer.getParentElement(), when.getTextContent(), known, missing);
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            check(file, task, task.getCamundaDueDate(), known, missing);
            check(file, task, task.getCamundaFollowUpDate(), known, missing);
        }
        return missing;
    }

    private static void check(String file, BaseElement element, String expression, Set<String> known, List<String> missing) {
        if (expression == null) {
            return;
        }
        Matcher key = KEY.matcher(expression);
        while (key.find()) {
            if (!known.contains(key.group(1))) {
                missing.add("process " + processOf(element) + " (" + file + "), element " + element.getId()
                        + ", names the deadline '" + key.group(1) + "', which is no deadline");
            }
        }
    }

    private static String processOf(ModelElementInstance element) {
        ModelElementInstance at = element;
        while (at != null && !(at instanceof Process)) {
            at = at.getParentElement();
        }
        return at == null ? "?" : ((Process) at).getId();
    }
}
