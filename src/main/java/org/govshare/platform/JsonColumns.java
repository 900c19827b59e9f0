package org.govshare.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Structured values kept as JSON text in a column (a catalog entry, a request's items, a grant's officials): the
 * same mapper as the API, so what is stored reads back as it was answered. A stored value that no longer reads is a
 * fault of the data, not of the caller, and says which table to look at.
 */
@Component
public class JsonColumns {

    private final ObjectMapper json;

    JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + value.getClass().getSimpleName() + " cannot be stored as JSON", e);
        }
    }

    public <T> T read(String text, Class<T> type, String table) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " in " + table + " is unreadable: "
                    + e.getOriginalMessage(), e);
        }
    }

    public <T> T read(String text, TypeReference<T> type, String table) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored value in " + table + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
