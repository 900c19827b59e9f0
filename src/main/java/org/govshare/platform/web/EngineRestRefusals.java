package org.govshare.platform.web;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine REST API with the platform's refusals, as problem documents like the platform API's: a rule broken
 * inside a process (a task listener or delegate throwing {@link InvalidInputException}) answers 400 naming the
 * field and the rule, and a step refused to the caller's department answers 403, instead of Camunda's generic 500;
 * an id that names nothing (a task, a process instance) answers 404, whether Camunda says 404 or 500. Each keeps
 * Camunda's {@code message} for its webapps; a task completion that lost its race to another official's answers 409
 * ({@link TaskRaces}). Everything else keeps Camunda's own mapping. Variables whose type no form
 * sends are refused at the door ({@link EngineRestVariableTypes}).
 */
@Component
class EngineRestRefusals extends CamundaJerseyResourceConfig {

    private final Problems problems;
    private final TaskRaces races;

    EngineRestRefusals(Problems problems, TaskRaces races) {
        this.problems = problems;
        this.races = races;
    }

    @Override
    protected void registerAdditionalResources() {
        register(new RestExceptionRefusals(problems, races));
        register(new EngineExceptionRefusals(problems, races));
        register(new RuntimeExceptionRefusals(problems, races));
        register(new EngineRestVariableTypes());
    }

    /* Jersey picks the mapper of the closest exception type, and between equals the one of highest priority:
       Camunda maps RestException and ProcessEngineException itself, so ours stand beside them at priority 1. */

    private static final MediaType PROBLEM_JSON = MediaType.valueOf(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);

    @Priority(1)
    public static class RestExceptionRefusals extends Refusals<RestException> {
        RestExceptionRefusals(Problems problems, TaskRaces races) {
            super(problems, races);
        }
    }

    @Priority(1)
    public static class EngineExceptionRefusals extends Refusals<ProcessEngineException> {
        EngineExceptionRefusals(Problems problems, TaskRaces races) {
            super(problems, races);
        }
    }

    @Priority(1)
    public static class RuntimeExceptionRefusals extends Refusals<RuntimeException> {
        RuntimeExceptionRefusals(Problems problems, TaskRaces races) {
            super(problems, races);
        }
    }

    abstract static class Refusals<E extends RuntimeException> implements ExceptionMapper<E> {

        private final Problems problems;
        private final TaskRaces races;

        Refusals(Problems problems, TaskRaces races) {
            this.problems = problems;
            this.races = races;
        }

        @Override
        public Response toResponse(E exception) {
            // a lost race first: the loser's command may have failed on anything the winner changed under it
            ConflictException lost = races.lost(request().getRequestURI(), exception);
            if (lost != null) {
                return answer(problems.engineRefusal(request(), lost));
            }
            RuntimeException refusal = Causes.refusal(exception);
            if (refusal != null) {
                return answer(problems.engineRefusal(request(), refusal));
            }
            if (DatabaseOutage.causedBy(exception)) {
                ProblemDetail problem = problems.problem(request(), HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.RULE,
                        DatabaseOutage.DETAIL, List.of());
                return Response.status(503).type(PROBLEM_JSON).header("Retry-After", "5").entity(problems.json(problem)).build();
            }
            Response camunda = ExceptionHandlerHelper.getInstance().getResponse(exception);
            if (camunda.getStatus() == Response.Status.NOT_FOUND.getStatusCode() || namesNothing(exception)) {
                return problem(HttpStatus.NOT_FOUND, "not-found", exception.getMessage(),
                        List.of(new InvalidInputException.FieldError("id", "not-found", exception.getMessage())));
            }
            return camunda;
        }

        /**
         * An id that names nothing: Camunda answers 404 for some (a task read), but 500 for others, where the
         * engine's "Cannot find task with id …" surfaces from a command (a task completion).
         */
        private static boolean namesNothing(Throwable exception) {
            NullValueException nullValue = Causes.find(exception, NullValueException.class);
            return Causes.find(exception, NotFoundException.class) != null
                    || nullValue != null && nullValue.getMessage() != null && nullValue.getMessage().startsWith("Cannot find ");
        }

        /** A problem document, with Camunda's {@code message} beside the detail for the webapps that show it. */
        private Response problem(HttpStatus status, String rule, String message,
                                 List<? extends InvalidInputException.InputError> errors) {
            ProblemDetail problem = problems.problem(request(), status, rule, message, errors);
            problem.setProperty("message", message);
            return answer(problem);
        }

        private Response answer(ProblemDetail problem) {
            return Response.status(problem.getStatus()).type(PROBLEM_JSON).entity(problems.json(problem)).build();
        }

        private static HttpServletRequest request() {
            return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        }
    }
}
