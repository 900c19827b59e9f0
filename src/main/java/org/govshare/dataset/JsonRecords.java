package org.govshare.dataset;

import java.io.IOException;
import java.io.Reader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/** A JSON push, {@code [{"item": value, …}, …]}, read with Jackson's streaming parser one object at a time. */
final class JsonRecords implements PushedRecords {

    private final JsonParser parser;
    private final RecordSchema schema;
    private final PushErrors errors;
    private long row;
    private boolean started;

    JsonRecords(JsonFactory factory, Reader body, RecordSchema schema, PushErrors errors) throws IOException {
        this.parser = factory.createParser(body);
        this.schema = schema;
        this.errors = errors;
    }

    @Override
    public long row() {
        return row + 1;
    }

    @Override
    public Raw next() throws IOException {
        try {
            if (!started) {
                started = true;
                JsonToken first = parser.nextToken();
                if (first == null) {
                    return null;
                }
                if (first != JsonToken.START_ARRAY) {
                    throw new Unreadable(0, "json-array", "the body is an array of records: [{\"item\": value, …}, …]");
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return null;
            }
            row++;
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                errors.add(row, "body", "json-object", "record " + row + " is not an object of item names and values");
                return new Raw(row, new Object[schema.size()], true);
            }
            return object();
        } catch (JsonProcessingException e) {
            throw new Unreadable(row, "malformed-json", "the body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
    }

    private Raw object() throws IOException {
        Object[] values = new Object[schema.size()];
        boolean[] seen = new boolean[schema.size()];
        boolean broken = false;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int position = schema.position(name);
            if (position < 0) {
                parser.skipChildren();
                errors.add(row, name, "unknown-item", "'" + name + "' is not a data item of this resource; its items: "
                        + schema.names());
                broken = true;
            } else if (seen[position]) {
                parser.skipChildren();
                errors.add(row, name, "duplicate-item", "'" + name + "' appears twice in record " + row);
                broken = true;
            } else if (value.isStructStart()) {
                parser.skipChildren();
                errors.add(row, name, "scalar", name + " holds one value (text, number, boolean), not an "
                        + (value == JsonToken.START_ARRAY ? "array" : "object"));
                seen[position] = true;
                broken = true;
            } else {
                seen[position] = true;
                values[position] = scalar(value);
            }
        }
        return new Raw(row, values, broken);
    }

    private Object scalar(JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> parser.getBigIntegerValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            default -> parser.getText();
        };
    }
}
