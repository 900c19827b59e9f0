package org.govshare.access;

import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.catalog.ItemKind;
import org.springframework.stereotype.Component;

/**
 * Masks the values of personal and commercial-secret items (Art. 19) by the item's kind, as the settings say:
 * ID numbers and mobiles keep their ends, names their surname, addresses end at the district; anything else is
 * hidden whole.
 */
@Component
class Masking {

    private final AccessProperties.Masking rules;

    Masking(AccessProperties properties) {
        this.rules = properties.masking();
    }

    Object mask(DataItem item, Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        ItemKind kind = item.kindOrText();
        return switch (kind) {
            case ID_NUMBER -> keepEnds(text, rules.idNumberKeepFirst(), rules.idNumberKeepLast());
            case MOBILE -> keepEnds(text, rules.mobileKeepFirst(), rules.mobileKeepLast());
            case PERSON_NAME -> keepEnds(text, surnameLength(text), 0);
            case ADDRESS -> address(text);
            case TEXT -> rules.maskCharacter().repeat(Math.max(3, Math.min(text.codePointCount(0, text.length()), 8)));
        };
    }

    private int surnameLength(String name) {
        return rules.compoundSurnames().stream().anyMatch(name::startsWith) ? 2 : rules.nameKeepFirst();
    }

    private String address(String address) {
        int cut = -1;
        for (String end : rules.addressEndsAfter()) {
            int at = address.indexOf(end);
            if (at >= 0 && (cut < 0 || at < cut)) {
                cut = at + end.length();
            }
        }
        return cut < 0 ? rules.maskCharacter().repeat(3) : address.substring(0, cut) + rules.maskCharacter().repeat(3);
    }

    /** Keeps the first and last characters, hides the rest one for one; a value too short to keep anything is hidden whole. */
    private String keepEnds(String text, int first, int last) {
        int[] points = text.codePoints().toArray();
        if (points.length <= first + last) {
            return rules.maskCharacter().repeat(Math.max(1, points.length));
        }
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < points.length; i++) {
            if (i < first || i >= points.length - last) {
                masked.appendCodePoint(points[i]);
            } else {
                masked.append(rules.maskCharacter());
            }
        }
        return masked.toString();
    }
}
