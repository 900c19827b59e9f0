package org.govshare.platform.web;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.camunda.bpm.engine.AuthorizationException;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of the platform API as an RFC 9457 problem that names the field and the rule broken. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final Problems problems;

    ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(request, HttpStatus.BAD_REQUEST, e.errors().get(0).rule(), e.getMessage(),
                e.errors());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** A body read by the controller itself (a dataset push) that grew past its limit while streaming. */
    @ExceptionHandler(RequestBodyLimitFilter.BodyTooLargeException.class)
    ProblemDetail tooLarge(RequestBodyLimitFilter.BodyTooLargeException e, HttpServletRequest request) {
        return problems.problem(request, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", e.getMessage(), List.of());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLargePart(PayloadTooLargeException e, HttpServletRequest request) {
        return problems.problem(request, HttpStatus.PAYLOAD_TOO_LARGE, e.rule(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
        return problems.problem(request, HttpStatus.CONFLICT, e.rule(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        if (e instanceof HiddenException) {
            request.setAttribute(Problems.HIDDEN_ATTRIBUTE, true);
        }
        return problems.problem(request, HttpStatus.NOT_FOUND, "not-found", e.getMessage(), List.of());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
    ProblemDetail denied(RuntimeException e, HttpServletRequest request) {
        return problems.problem(request, HttpStatus.FORBIDDEN, "access-denied", e.getMessage(), List.of());
    }

    @ExceptionHandler(RefusedException.class)
    ProblemDetail refused(RefusedException e, HttpServletRequest request) {
        return problems.problem(request, HttpStatus.FORBIDDEN, e.rule(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problems.problem(request, HttpStatus.TOO_MANY_REQUESTS, e.rule(), e.getMessage(), List.of()));
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ProblemDetail unavailable(ServiceUnavailableException e, HttpServletRequest request) {
        return problems.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", e.getMessage(), List.of());
    }

    /**
     * A provider's service that did not answer in time (504), failed, or may not be called at its address (502). The
     * detail is the platform's own sentence: the provider's error text never passes through, neither to the consumer
     * nor to the audit trail.
     */
    @ExceptionHandler(UpstreamFailedException.class)
    ProblemDetail upstreamFailed(UpstreamFailedException e, HttpServletRequest request) {
        // which service failed, so a day's failed calls can be counted per service (docs/timeliness.md)
        request.setAttribute(Problems.DETAILS_ATTRIBUTE, e.subject());
        return problems.problem(request, e.timedOut() ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY, e.rule(),
                e.getMessage(), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String message = "'" + e.getValue() + "' is not a valid " + simpleType(e.getRequiredType());
        return problems.problem(request, HttpStatus.BAD_REQUEST, "invalid-format", e.getName() + ": " + message,
                List.of(new FieldError(e.getName(), "invalid-format", message)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldError error = describe(e);
        if (e.getMostSpecificCause() instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problems.problem(servlet(request),
                    HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", tooLarge.getMessage(), List.of()));
        }
        return ResponseEntity.badRequest().body(problems.problem(servlet(request), HttpStatus.BAD_REQUEST, error.rule(),
                error.message(), error.field() == null ? List.of() : List.of(error)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(fieldErrors(e, request));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), code(err.getCodes()), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(problems.problem(servlet(request), HttpStatus.BAD_REQUEST,
                errors.isEmpty() ? "invalid" : errors.get(0).rule(), summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (e instanceof BindException bind) {
            return ResponseEntity.badRequest().body(fieldErrors(bind, request));
        }
        return super.handleExceptionInternal(e, springProblem(e, body, status, servlet(request)), headers, status, request);
    }

    /**
     * Spring's own refusals (405, 406, 415, no such path, a missing parameter or part, a value of the wrong type) in
     * the platform's form: a rule, the field where there is one, and the correlation id. Spring's detail is kept
     * where it is written for the caller; the headers it sets (Allow, Accept) stay as they are.
     */
    private ProblemDetail springProblem(Exception e, Object body, HttpStatusCode code, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(code.value());
        if (e instanceof MissingServletRequestParameterException missing) {
            return required(request, missing.getParameterName(), "the parameter");
        }
        if (e instanceof MissingServletRequestPartException missing) {
            return required(request, missing.getRequestPartName(), "the part");
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return problems.problem(request, status, "not-found", "there is nothing at " + request.getMethod() + " "
                    + request.getRequestURI() + "; see the API in the README", List.of());
        }
        ProblemDetail spring = body instanceof ProblemDetail given ? given
                : e instanceof ErrorResponse response ? response.getBody() : null;
        String detail = spring != null && spring.getDetail() != null ? spring.getDetail() : status.getReasonPhrase();
        return problems.problem(request, status, Problems.slug(status.getReasonPhrase()), detail, List.of());
    }

    private ProblemDetail required(HttpServletRequest request, String name, String what) {
        String message = what + " '" + name + "' is required";
        return problems.problem(request, HttpStatus.BAD_REQUEST, "required", message,
                List.of(new FieldError(name, "required", message)));
    }

    /** An upload whose multipart body cannot be read (an oversize one has its own answer, 413). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload(MultipartException e, HttpServletRequest request) {
        return problems.problem(request, HttpStatus.BAD_REQUEST, "malformed-multipart", "the multipart/form-data body"
                + " cannot be read: send each file in a part of its own, between the boundaries the Content-Type names", List.of());
    }

    /** A constraint on a controller's own parameter (method validation of a {@code @Validated} bean). */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath()), code(new String[] {
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()}), v.getMessage()))
                .toList();
        return problems.problem(request, HttpStatus.BAD_REQUEST, errors.isEmpty() ? "invalid" : errors.get(0).rule(),
                summary(errors), errors);
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    private ProblemDetail fieldErrors(BindException e, WebRequest request) {
        List<FieldError> errors = e.getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), code(f.getCodes()), f.getDefaultMessage()))
                .toList();
        return problems.problem(servlet(request), HttpStatus.BAD_REQUEST,
                errors.isEmpty() ? "invalid" : errors.get(0).rule(), summary(errors), errors);
    }

    /** Turns Jackson's complaint into the field and rule a caller can act on. */
    private static FieldError describe(HttpMessageNotReadableException e) {
        Throwable cause = jacksonCause(e);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new FieldError(field, "unknown-field", "'" + field + "' is not a field of this request; known fields: "
                    + unknown.getKnownPropertyIds());
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "; use one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants()) : "";
            return new FieldError(field, "invalid-format", "'" + invalid.getValue() + "' is not a valid "
                    + simpleType(invalid.getTargetType()) + " for '" + field + "'" + allowed);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return new FieldError(field, "invalid-value", "'" + field + "' has the wrong type or shape: "
                    + mapping.getOriginalMessage());
        }
        if (cause instanceof JsonProcessingException parse) {
            var location = parse.getLocation();
            String format = parse instanceof JacksonYAMLParseException ? "yaml" : "json";
            return new FieldError(null, "malformed-" + format, "the body is not valid " + format.toUpperCase(java.util.Locale.ROOT)
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
                    + ": " + parse.getOriginalMessage());
        }
        return new FieldError(null, "unreadable-body", "the request body is missing or unreadable");
    }

    /**
     * Jackson's own complaint, which knows the field and the place in the body; the most specific cause is often
     * below it (a date's DateTimeParseException, SnakeYAML's parser error) and knows neither. A body that does not
     * parse is named as such even when a mapping error wraps it (as the YAML parser's errors are).
     */
    private static Throwable jacksonCause(HttpMessageNotReadableException e) {
        Throwable outermost = null;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException) {
                return cause;
            }
            if (outermost == null && cause instanceof JsonProcessingException) {
                outermost = cause;
            }
        }
        return outermost != null ? outermost : e.getMostSpecificCause();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Bean Validation's constraint name as a rule: NotBlank becomes not-blank. */
    private static String code(String[] codes) {
        String constraint = codes == null || codes.length == 0 ? "Invalid" : codes[codes.length - 1];
        return constraint.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    private static String simpleType(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
