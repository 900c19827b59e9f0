package org.govshare.dataset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The data types of catalog items, and how a pushed or filtered value of each is checked and normalised. A value
 * arrives as text (CSV, a filter) or as a JSON scalar; it leaves as what the stored record holds and, for the
 * types a range can be asked of, a typed value to index.
 */
enum ItemType {
    STRING,
    INTEGER,
    DECIMAL,
    DATE,
    DATETIME,
    BOOLEAN;

    /** Enough for any identifier-like number, and the width of the database's numeric column. */
    static final int MAX_INTEGER_DIGITS = 22;
    /** Decimal places kept in the index; the record keeps the value as pushed. */
    static final int INDEX_SCALE = 16;

    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** The catalog's word for a type; words it does not know are read as string, as the catalog documents. */
    static ItemType of(String declared) {
        if (declared == null) {
            return STRING;
        }
        return switch (declared.trim().toLowerCase(Locale.ROOT)) {
            case "integer" -> INTEGER;
            case "decimal" -> DECIMAL;
            case "date" -> DATE;
            case "datetime" -> DATETIME;
            case "boolean" -> BOOLEAN;
            default -> STRING;
        };
    }

    /** Whether a filter may ask for a range of this type. */
    boolean ranged() {
        return this == INTEGER || this == DECIMAL || this == DATE || this == DATETIME;
    }

    /** Whether the type's values are indexed for filters whatever the item's role. */
    boolean indexed() {
        return this != STRING;
    }

    /**
     * Checks one value (text, or a JSON number or boolean) and normalises it.
     *
     * @throws BadValue naming what was expected
     */
    Value parse(Object raw, ZoneId zone) {
        String text = raw.toString();
        return switch (this) {
            case STRING -> new Value(text, text, null, null);
            case INTEGER -> integer(raw, text);
            case DECIMAL -> decimal(raw, text);
            case DATE -> date(text);
            case DATETIME -> dateTime(text, zone);
            case BOOLEAN -> bool(raw, text);
        };
    }

    private static Value integer(Object raw, String text) {
        if (!(raw instanceof BigInteger || raw instanceof Long || raw instanceof Integer) && !INTEGER_TEXT.matcher(text).matches()) {
            throw new BadValue("'" + text + "' is not an integer (digits, optionally signed)");
        }
        BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        if (value.abs().toString().length() > MAX_INTEGER_DIGITS) {
            throw new BadValue("'" + text + "' has more than " + MAX_INTEGER_DIGITS + " digits");
        }
        return new Value(value, value.toString(), new BigDecimal(value), null);
    }

    private static Value decimal(Object raw, String text) {
        if (!(raw instanceof Number) && !DECIMAL_TEXT.matcher(text).matches()) {
            throw new BadValue("'" + text + "' is not a decimal number (e.g. 1234.56)");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text).stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadValue("'" + text + "' is not a decimal number (e.g. 1234.56)");
        }
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new BadValue("'" + text + "' has more than " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        return new Value(value, value.toPlainString(), value.setScale(Math.min(value.scale(), INDEX_SCALE),
                java.math.RoundingMode.HALF_EVEN), null);
    }

    private static Value date(String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            // a date is indexed as its first instant in UTC: ranges compare dates with dates only
            return new Value(date.toString(), date.toString(), null, date.atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw new BadValue("'" + text + "' is not a date (YYYY-MM-DD, e.g. 2026-03-01)");
        }
    }

    private static Value dateTime(String text, ZoneId zone) {
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(text);
            return new Value(withOffset.toString(), withOffset.toString(), null, withOffset.toInstant());
        } catch (DateTimeParseException noOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(text);
                Instant instant = local.atZone(zone).toInstant();
                return new Value(local.toString(), local.toString(), null, instant);
            } catch (DateTimeParseException e) {
                throw new BadValue("'" + text + "' is not an ISO-8601 date-time (e.g. 2026-03-01T09:30:00+08:00)");
            }
        }
    }

    private static Value bool(Object raw, String text) {
        if (raw instanceof Boolean b) {
            return new Value(b, b.toString(), null, null);
        }
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            boolean b = Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
            return new Value(b, Boolean.toString(b), null, null);
        }
        throw new BadValue("'" + text + "' is not a boolean (true or false)");
    }

    /**
     * A checked value.
     *
     * @param stored what the record holds (text, a number or a boolean)
     * @param text its canonical text: what keys are made of and exact filters compare
     * @param number the number to index (integer and decimal items)
     * @param time the instant to index (date and date-time items)
     */
    record Value(Object stored, String text, BigDecimal number, Instant time) {
    }

    /** A value that is not of the item's type; the message says what was expected. */
    static final class BadValue extends RuntimeException {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }
}
