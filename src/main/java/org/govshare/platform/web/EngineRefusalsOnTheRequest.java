package org.govshare.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Leaves a refusal that made an engine command fail (a listener's {@link InvalidInputException} or
 * {@code AccessDeniedException}, however deep the engine wrapped it: {@link Causes#refusal}) on the HTTP request that ran the command. The
 * webapps' own engine API answers any failed command with a 500 of its own making; {@link WebappEngineRefusals}
 * finds the refusal there and answers it as the 400 or 403 it is.
 */
@Component
class EngineRefusalsOnTheRequest extends AbstractProcessEnginePlugin {

    static final String ATTRIBUTE = EngineRefusalsOnTheRequest.class.getName() + ".refusal";
    /** Any failure of a command, which {@link WebappEngineRefusals} asks {@link TaskRaces} about. */
    static final String FAILURE_ATTRIBUTE = EngineRefusalsOnTheRequest.class.getName() + ".failure";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new Remembering());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    private static final class Remembering extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException failed) {
                RequestAttributes request = RequestContextHolder.getRequestAttributes();
                RuntimeException refusal = Causes.refusal(failed);
                if (request != null && refusal != null) {
                    request.setAttribute(ATTRIBUTE, refusal, RequestAttributes.SCOPE_REQUEST);
                }
                if (request != null) {
                    request.setAttribute(FAILURE_ATTRIBUTE, failed, RequestAttributes.SCOPE_REQUEST);
                }
                throw failed;
            }
        }
    }
}
