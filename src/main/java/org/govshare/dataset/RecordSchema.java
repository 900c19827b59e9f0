package org.govshare.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.platform.web.InvalidInputException;

/**
 * The data items of a hosted resource as a push is checked against them: which exist, their types, lengths,
 * which are required and which make the key. Turns a pushed record into what is stored: the normalised key, the
 * record as canonical JSON (items in catalog order, empty ones left out), its hash, and the values to index.
 */
final class RecordSchema {

    /** Keys are compared and ordered in the database's primary key; long ones would not fit its index. */
    static final int MAX_KEY_LENGTH = 256;
    /** Separates the parts of a composite key: a control character no one types into a value. */
    static final String KEY_SEPARATOR = "\u001f";

    private final List<DataItem> items;
    private final ItemType[] types;
    private final Map<String, Integer> positions = new HashMap<>();
    private final int[] keyPositions;
    private final ZoneId zone;
    private final ObjectMapper json;
    private final MessageDigest sha256;

    RecordSchema(CatalogEntry entry, ZoneId zone, ObjectMapper json) {
        this.items = entry.items();
        this.types = items.stream().map(i -> ItemType.of(i.type())).toArray(ItemType[]::new);
        for (int i = 0; i < items.size(); i++) {
            positions.put(items.get(i).name(), i);
        }
        this.keyPositions = java.util.stream.IntStream.range(0, items.size()).filter(i -> items.get(i).isKey()).toArray();
        this.zone = zone;
        this.json = json;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    int size() {
        return items.size();
    }

    /** The item's position, or -1 for a name the resource does not have. */
    int position(String name) {
        return positions.getOrDefault(name, -1);
    }

    DataItem item(int position) {
        return items.get(position);
    }

    ItemType type(int position) {
        return types[position];
    }

    List<String> names() {
        return items.stream().map(DataItem::name).toList();
    }

    /** With one key item the stored key is its value; with more, a filter on one of them needs its own index row. */
    boolean compositeKey() {
        return keyPositions.length > 1;
    }

    boolean isKey(int position) {
        return items.get(position).isKey();
    }

    /**
     * Checks one record's values (by position; null where the record has none) and adds what is wrong to
     * {@code errors}.
     *
     * @return the record as stored, or null when it breaks a rule (or its shape already did)
     */
    CheckedRecord check(PushedRecords.Raw record, PushErrors errors) {
        long row = record.row();
        Object[] raw = record.values();
        long before = errors.count();
        ItemType.Value[] values = new ItemType.Value[items.size()];
        for (int i = 0; i < items.size(); i++) {
            DataItem item = items.get(i);
            Object value = raw[i];
            if (value == PushedRecords.ABSENT_COLUMN) {
                continue;
            }
            if (value == null || value.toString().isEmpty()) {
                if (item.isRequired()) {
                    errors.add(row, item.name(), "required", item.isKey()
                            ? item.name() + " is part of the key: every record has a value for it"
                            : item.name() + " is required: every record has a value for it");
                }
                continue;
            }
            try {
                values[i] = types[i].parse(value, zone);
            } catch (ItemType.BadValue bad) {
                errors.add(row, item.name(), "type", bad.getMessage() + "; " + item.name() + " is " + types[i].name().toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            if (types[i] == ItemType.STRING && item.length() != null) {
                int length = values[i].text().codePointCount(0, values[i].text().length());
                if (length > item.length()) {
                    errors.add(row, item.name(), "length", item.name() + " holds at most " + item.length()
                            + " characters; this value has " + length);
                }
            }
        }
        if (record.broken() || errors.count() > before) {
            return null;
        }
        String key = key(values);
        if (key.length() > MAX_KEY_LENGTH) {
            errors.add(row, items.get(keyPositions[0]).name(), "length", "the key of a record holds at most "
                    + MAX_KEY_LENGTH + " characters; this one has " + key.length());
            return null;
        }
        return stored(row, key, values);
    }

    private String key(ItemType.Value[] values) {
        StringBuilder key = new StringBuilder();
        for (int position : keyPositions) {
            if (!key.isEmpty()) {
                key.append(KEY_SEPARATOR);
            }
            key.append(values[position].text());
        }
        return key.toString();
    }

    private CheckedRecord stored(long row, String key, ItemType.Value[] values) {
        Map<String, Object> content = new LinkedHashMap<>();
        List<IndexedValue> indexed = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            content.put(items.get(i).name(), values[i].stored());
            if (types[i].indexed() || (compositeKey() && isKey(i))) {
                indexed.add(new IndexedValue(items.get(i).name(), types[i].ranged() ? null : values[i].text(),
                        values[i].number(), values[i].time()));
            }
        }
        String text = write(content);
        String hash = HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        return new CheckedRecord(row, key, text, hash, indexed);
    }

    /**
     * The stored key of a record given as item name → value (its other items ignored), normalised as a push stores
     * it, so {@code "040"} and {@code 40} name the same integer key.
     *
     * @throws InvalidInputException naming {@code field} when a key item has no value or one not of its type
     */
    String keyOf(Map<String, ?> record, String field) {
        ItemType.Value[] values = new ItemType.Value[items.size()];
        for (int position : keyPositions) {
            String name = items.get(position).name();
            Object value = record.get(name);
            if (value == null || value.toString().isEmpty()) {
                throw new InvalidInputException(field, "required", name + " is part of the key of this resource: give its value");
            }
            try {
                values[position] = types[position].parse(value, zone);
            } catch (ItemType.BadValue bad) {
                throw new InvalidInputException(field, "type", bad.getMessage() + "; " + name + " is "
                        + types[position].name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return key(values);
    }

    /** A filter's value checked as the item's type: what the index or the stored JSON holds for it. */
    ItemType.Value filterValue(int position, String text) {
        return types[position].parse(text, zone);
    }

    /** How an item and value appear in a stored record's JSON: exact filters on plain text items match on it. */
    String storedPair(int position, ItemType.Value value) {
        return write(items.get(position).name()) + ":" + write(value.stored());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checked record cannot be written as JSON", e);
        }
    }

    /** A record that passed the checks, as stored. */
    record CheckedRecord(long row, String key, String content, String hash, List<IndexedValue> indexed) {
    }

    /** One value in the filter index: text (composite key parts, booleans), a number, or an instant. */
    record IndexedValue(String item, String text, java.math.BigDecimal number, java.time.Instant time) {
    }
}
