package org.govshare.rules.eligibility;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.govshare.vocabulary.ConditionType;

/**
 * One machine-checkable sharing condition of the resource. Values that list things (departments, tiers, items,
 * keywords) are comma-separated; Chinese and ASCII commas both separate.
 */
public record ConditionFact(ConditionType type, String value) {

    /** Any white space, the ideographic space of Chinese text included. */
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u3000\\u00A0]+");

    /** Whether the condition's list names this value (case and surrounding spaces ignored). */
    public boolean lists(String candidate) {
        return candidate != null && Arrays.stream(parts()).anyMatch(p -> p.equalsIgnoreCase(candidate.strip()));
    }

    /**
     * Whether the text contains one of the condition's keywords; a condition without keywords is met by any text.
     * Case and white space are ignored: a provider writes 《社会救助暂行办法》第十一条 where the request cites law and
     * article apart, 《社会救助暂行办法》 第十一条, and both name the same duty.
     */
    public boolean foundIn(String text) {
        String[] keywords = parts();
        if (keywords.length == 0) {
            return true;
        }
        String haystack = compact(text);
        return Arrays.stream(keywords).anyMatch(k -> haystack.contains(compact(k)));
    }

    private String[] parts() {
        return value == null ? new String[0]
                : Arrays.stream(value.split("[,，、;；]")).map(String::strip).filter(p -> !p.isEmpty()).toArray(String[]::new);
    }

    private static String compact(String text) {
        return text == null ? "" : WHITE_SPACE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
