package org.govshare.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import org.govshare.platform.FormValues;

/**
 * The door of the engine REST API for variables: a value sent to a task, a form or a process (complete, submit-form,
 * start, variables) is text, a number, true/false, a date or null, as our forms send them. An object, a list, JSON,
 * XML, bytes or a file, and a value that does not match the type it declares, answer 400 {@code wrong-type} naming the
 * variable, before the engine sees them: it would try to serialize them and answer 500. Variables are ids and
 * decisions, never documents. Whether a scalar has the right type for its field the listener decides, through
 * {@link FormValues}.
 */
class EngineRestVariableTypes implements ContainerRequestFilter {

    /** Where a request body holds variables by name, in the engine REST API's bodies. */
    private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables",
            "processVariablesLocal", "localVariables", "correlationKeys", "localCorrelationKeys");
    /** The types a scalar may declare, with the JSON kind its value must have. */
    private static final Map<String, String> SCALAR_TYPES = Map.of("string", "text", "date", "text", "boolean", "boolean",
            "integer", "number", "long", "number", "short", "number", "double", "number", "null", "null");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity() || request.getMediaType() == null
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType())) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        List<InvalidInputException.FieldError> errors = errorsIn(body);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The variables of a JSON body that are no form value; none for a body that is no JSON object. */
    static List<InvalidInputException.FieldError> errorsIn(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException notJson) {
            return List.of(); // Camunda answers a body it cannot read itself
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (root != null && root.isObject()) {
            for (String map : VARIABLE_MAPS) {
                JsonNode variables = root.path(map);
                if (variables.isObject()) {
                    variables.fields().forEachRemaining(v -> check(v.getKey(), v.getValue(), errors));
                }
            }
        }
        return errors;
    }

    private static void check(String name, JsonNode variable, List<InvalidInputException.FieldError> errors) {
        if (!variable.isObject()) {
            return;
        }
        JsonNode value = variable.path("value");
        String declared = variable.path("type").asText("");
        String kind = value.isMissingNode() || value.isNull() ? "null" : value.isTextual() ? "text" : value.isNumber() ? "number"
                : value.isBoolean() ? "boolean" : value.isArray() ? "a list" : "an object";
        if (declared.isBlank()) {
            if (value.isContainerNode()) {
                errors.add(wrongType(name, "got " + kind));
            }
            return;
        }
        String expected = SCALAR_TYPES.get(declared.toLowerCase(Locale.ROOT));
        if (expected == null) {
            errors.add(wrongType(name, "got a value of type " + declared));
        } else if (!expected.equals(kind) && !"null".equals(kind)) {
            errors.add(wrongType(name, "it declares " + declared + " but holds " + kind));
        }
    }

    private static InvalidInputException.FieldError wrongType(String name, String got) {
        return new InvalidInputException.FieldError(name, FormValues.WRONG_TYPE,
                "a form value is text, a number, true/false or a date; " + got + "; send it as the form does");
    }
}
