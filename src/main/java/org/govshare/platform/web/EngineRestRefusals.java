package org.govshare.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API with the platform's refusals: a rule broken inside a process (a task listener or delegate
 * throwing {@link InvalidInputException}) answers 400 naming the field and the rule, as the platform API does, and
 * a step refused to the caller's department answers 403, instead of Camunda's generic 500. Everything else keeps Camunda's own mapping.
 */
@Component
class EngineRestRefusals extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RestExceptionRefusals.class);
        register(EngineExceptionRefusals.class);
        register(RuntimeExceptionRefusals.class);
    }

    /* Jersey picks the mapper of the closest exception type, and between equals the one of highest priority:
       Camunda maps RestException and ProcessEngineException itself, so ours stand beside them at priority 1. */

    @Priority(1)
    public static class RestExceptionRefusals extends Refusals<RestException> {
    }

    @Priority(1)
    public static class EngineExceptionRefusals extends Refusals<ProcessEngineException> {
    }

    @Priority(1)
    public static class RuntimeExceptionRefusals extends Refusals<RuntimeException> {
    }

    abstract static class Refusals<E extends RuntimeException> implements ExceptionMapper<E> {

        @Override
        public Response toResponse(E exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof org.springframework.security.access.AccessDeniedException denied) {
                    return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", "AccessDeniedException", "message", denied.getMessage())).build();
                }
                if (cause instanceof InvalidInputException refused) {
                    List<InvalidInputException.InputError> errors = refused.errors();
                    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", "InvalidInputException", "message", refused.getMessage(),
                                    "errors", errors))
                            .build();
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }
}
