package org.govshare.dataset;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.govshare.platform.web.InvalidInputException;

/**
 * The SQL condition of a read: the resource's records matching every filter, each interpreted by its item's type.
 * Which index serves which filter:
 * <ul>
 * <li>exact, on the single key item: {@code record_key} (the primary key of {@code dataset_record});</li>
 * <li>exact or range, on an integer, decimal, date, date-time or boolean item, and exact on a part of a composite
 * key: {@code dataset_value} by {@code (resource_code, item, <typed column>)};</li>
 * <li>exact, on any other (text) item: the record's canonical JSON must contain {@code "item":"value"}, checked on
 * the resource's records found by the primary key; no index narrows it further.</li>
 * </ul>
 */
record DatasetQuery(String where, List<Object> args) {

    static DatasetQuery of(String code, RecordSchema schema, List<ItemFilter> filters) {
        StringBuilder where = new StringBuilder("r.resource_code = ?");
        List<Object> args = new ArrayList<>(List.of(code));
        for (ItemFilter filter : filters == null ? List.<ItemFilter>of() : filters) {
            int position = schema.position(filter.item());
            if (position < 0) {
                throw new InvalidInputException(filter.item(), "filter-unknown-item", "'" + filter.item()
                        + "' is not a data item of this resource; its items: " + schema.names());
            }
            ItemType type = schema.type(position);
            if (filter.exact()) {
                if (filter.from() != null || filter.to() != null) {
                    throw new InvalidInputException(filter.item(), "filter-exact-or-range",
                            "filter " + filter.item() + " by an exact value or by a range, not both");
                }
                exact(schema, position, value(schema, position, filter.equalTo()), where, args);
            } else if (filter.from() != null || filter.to() != null) {
                if (!type.ranged()) {
                    throw new InvalidInputException(filter.item(), "filter-range-not-allowed", filter.item() + " is "
                            + type.name().toLowerCase(Locale.ROOT) + "; ranges apply to integer, decimal, date and datetime items");
                }
                range(filter, type, position, schema, where, args);
            }
        }
        return new DatasetQuery(where.toString(), args);
    }

    private static ItemType.Value value(RecordSchema schema, int position, String text) {
        try {
            return schema.filterValue(position, text);
        } catch (ItemType.BadValue bad) {
            throw new InvalidInputException(schema.item(position).name(), "filter-type", bad.getMessage());
        }
    }

    private static void exact(RecordSchema schema, int position, ItemType.Value value, StringBuilder where, List<Object> args) {
        ItemType type = schema.type(position);
        if (schema.isKey(position) && !schema.compositeKey()) {
            where.append(" and r.record_key = ?");
            args.add(value.text());
        } else if (type.ranged()) {
            indexed(where, type == ItemType.INTEGER || type == ItemType.DECIMAL ? "v.number_value = ?" : "v.time_value = ?");
            args.add(schema.item(position).name());
            args.add(typed(value));
        } else if (type.indexed() || schema.isKey(position)) {
            indexed(where, "v.text_value = ?");
            args.add(schema.item(position).name());
            args.add(value.text());
        } else {
            where.append(" and r.content like ? escape '\\'");
            args.add("%" + likeLiteral(schema.storedPair(position, value)) + "%");
        }
    }

    private static void range(ItemFilter filter, ItemType type, int position, RecordSchema schema, StringBuilder where,
                              List<Object> args) {
        String column = type == ItemType.INTEGER || type == ItemType.DECIMAL ? "number_value" : "time_value";
        StringBuilder condition = new StringBuilder("v." + column + " is not null");
        List<Object> bounds = new ArrayList<>();
        if (filter.from() != null) {
            condition.append(" and v.").append(column).append(" >= ?");
            bounds.add(typed(value(schema, position, filter.from())));
        }
        if (filter.to() != null) {
            condition.append(" and v.").append(column).append(" <= ?");
            bounds.add(typed(value(schema, position, filter.to())));
        }
        indexed(where, condition.toString());
        args.add(filter.item());
        args.addAll(bounds);
    }

    private static void indexed(StringBuilder where, String condition) {
        where.append(" and exists (select 1 from dataset_value v where v.resource_code = r.resource_code")
                .append(" and v.record_key = r.record_key and v.item = ? and ").append(condition)
                .append(")");
    }

    private static Object typed(ItemType.Value value) {
        return value.number() != null ? value.number() : Timestamp.from(value.time());
    }

    /** The text as a LIKE pattern matching only itself. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
