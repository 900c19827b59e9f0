package org.govshare.request;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.govshare.platform.web.InvalidInputException;

/** What kind of reason a refusal gives, when the reviewer says; a pack may refuse a kind (national Art. 21). */
public enum RefusalReason {
    /** the applicant's materials are incomplete: under a pack with the materials-supplement step, a notice instead */
    MISSING_MATERIALS,
    /** any other reason, given in words with its legal basis */
    OTHER;

    /** The code as sent, or null when none was; an unknown code is refused naming the field. */
    static RefusalReason of(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(r -> r.name().equals(code.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("reasonCode", "unknown-value", "a reason code is one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
