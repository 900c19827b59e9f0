package org.govshare.rules;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records, as every process instance starts (whoever starts it: the platform, Tasklist, the REST API, a timer),
 * the rule pack and version in force: in {@code case_rule_pack} and as the variables {@code rulePack} and
 * {@code rulePackVersion}, which Cockpit shows. The listener is built in, so no "skip custom listeners" start
 * leaves a case without it.
 */
@Component
class CasePackPlugin extends AbstractProcessEnginePlugin {

    static final String PACK_VARIABLE = "rulePack";
    static final String VERSION_VARIABLE = "rulePackVersion";

    /** Resolved late: the pack and the store need beans the engine is being built before. */
    private final ObjectProvider<PackInForce> pack;
    private final ObjectProvider<CasePackStore> store;

    CasePackPlugin(ObjectProvider<PackInForce> pack, ObjectProvider<CasePackStore> store) {
        this.pack = pack;
        this.store = store;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) CasePackPlugin.this::record);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void record(DelegateExecution execution) {
        if (!execution.getId().equals(execution.getProcessInstanceId())) {
            return;
        }
        RuleSetReport.Pack inForce = pack.getObject().report();
        execution.setVariable(PACK_VARIABLE, inForce.name());
        execution.setVariable(VERSION_VARIABLE, inForce.version());
        String definition = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        store.getObject().record(execution.getProcessInstanceId(), definition,
                execution.getProcessBusinessKey(), inForce.name(), inForce.version(), ClockUtil.getCurrentTime().toInstant());
    }
}
