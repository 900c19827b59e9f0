package org.govshare.rules.eligibility;

import java.util.Arrays;
import java.util.Locale;

import org.govshare.catalog.ConditionType;

/**
 * One machine-checkable sharing condition of the resource. Values that list things (departments, tiers, items,
 * keywords) are comma-separated; Chinese and ASCII commas both separate.
 */
public record ConditionFact(ConditionType type, String value) {

    /** Whether the condition's list names this value (case and surrounding spaces ignored). */
    public boolean lists(String candidate) {
        return candidate != null && Arrays.stream(parts()).anyMatch(p -> p.equalsIgnoreCase(candidate.trim()));
    }

    /** Whether the text contains one of the condition's keywords; a condition without keywords is met by any text. */
    public boolean foundIn(String text) {
        String[] keywords = parts();
        if (keywords.length == 0) {
            return true;
        }
        String haystack = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return Arrays.stream(keywords).anyMatch(k -> haystack.contains(k.toLowerCase(Locale.ROOT)));
    }

    private String[] parts() {
        return value == null ? new String[0]
                : Arrays.stream(value.split("[,，、;；]")).map(String::trim).filter(p -> !p.isEmpty()).toArray(String[]::new);
    }
}
