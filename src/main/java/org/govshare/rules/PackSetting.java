package org.govshare.rules;

import java.time.Period;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures of a rule pack that are not deadlines in working days ({@code settings:} in {@code pack.yaml}), each
 * with its kind and the value it has when the pack does not set it.
 */
public enum PackSetting {

    /** Whether the reply period starts again when the requester supplements the materials (national Art. 21). */
    SUPPLEMENT_RESTARTS_CLOCK(Kind.FLAG, "true"),
    /** How long usage records are kept before they may be deleted (national Art. 29: at least three years). */
    USAGE_RECORD_RETENTION(Kind.PERIOD, "P3Y"),
    /** Days a grant in use may go without a usage record before it is a finding (national Art. 29, 40 v). */
    USAGE_RECORD_GRACE_DAYS(Kind.NUMBER, "30");

    /** How a setting's value is written. */
    public enum Kind { FLAG, PERIOD, NUMBER }

    private final Kind kind;
    private final String fallback;

    PackSetting(Kind kind, String fallback) {
        this.kind = kind;
        this.fallback = fallback;
    }

    /** The key in {@code pack.yaml}, e.g. {@code usage-record-retention}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Kind kind() {
        return kind;
    }

    /** The value when a pack does not set it. */
    public String fallback() {
        return fallback;
    }

    /** Whether a value is written as this setting's kind asks; the message says how it should be written. */
    Optional<String> mistakeIn(String value) {
        try {
            switch (kind) {
                case FLAG -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return Optional.of("is true or false");
                    }
                }
                case PERIOD -> Period.parse(value);
                case NUMBER -> {
                    if (Integer.parseInt(value) < 0) {
                        return Optional.of("is a number of 0 or more");
                    }
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(kind == Kind.PERIOD ? "is an ISO-8601 period such as P3Y or P30D" : "is a whole number");
        }
    }

    public static Optional<PackSetting> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
