package org.govshare.calendar;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The deadlines the platform's processes know, each with its figure in working days in the rule pack
 * ({@code deadlines:} in {@code pack.yaml}) under its key. A deadline of an optional step ({@link #step()}) needs a
 * figure only in a pack that turns the step on; the others need one in every pack. A pack may define more keys
 * (a reply deadline its eligibility rules choose, e.g. {@code sharing-request-reply-unconditional}).
 */
public enum Deadline {

    /** The authority reviews a catalog submission (national Art. 17: reviews and publishes). */
    CATALOG_REVIEW(null),
    /** The provider answers a sharing request under review. */
    SHARING_REQUEST_REPLY(null),
    /** The provider verifies an error report (national Art. 26: checks and corrects). */
    ERROR_VERIFICATION(null),
    /** The other party states its case in a dispute. */
    DISPUTE_STATEMENT(null),
    /** A consulted department answers a collection consultation. */
    CONSULTATION_ANSWER(null),
    /** A department rectifies a violation. */
    RECTIFICATION(null),
    /** The authority investigates a complaint and finds on it. */
    COMPLAINT_INVESTIGATION(null),
    /** The respondent of a complaint gives its statement when the authority asks. */
    COMPLAINT_STATEMENT(null),
    /** The authority reviews the draft of the annual assessment (a reminder when it waits longer). */
    ASSESSMENT_REVIEW(null),
    /** The head of the requesting department's sharing office approves a request before it is sent (national Art. 20). */
    REQUESTER_HEAD_APPROVAL("requester-head-approval"),
    /** The provider's head approves the reviewer's reply before it takes effect (national Art. 20). */
    PROVIDER_HEAD_APPROVAL("provider-head-approval"),
    /** The authority checks a request for conformity before the provider sees it (e.g. Jincheng 2024). */
    AUTHORITY_CONFORMITY_CHECK("authority-conformity-check"),
    /** The longest extension of a reply the authority may approve (national Art. 21). */
    REPLY_EXTENSION("reply-extension"),
    /** The authority decides on a provider's request for an extension. */
    REPLY_EXTENSION_DECISION("reply-extension"),
    /** The requester supplements the materials the provider's one notice lists (national Art. 21). */
    MATERIALS_SUPPLEMENT("materials-supplement"),
    /** The provider delivers data agreed on but not yet on the platform (national Art. 22). */
    DELIVERY("delivery-deadline"),
    /** A department updates its catalog after a change of law or duties (national Art. 17). */
    CATALOG_UPDATE("catalog-update-duty"),
    /** The working days the authority's consent adds to a catalog update (national Art. 17). */
    CATALOG_UPDATE_EXTENSION("catalog-update-duty"),
    /** A holder disposes of the data of an ended grant and attests it (national Art. 27). */
    DISPOSAL_ATTESTATION("disposal-attestation"),
    /** A requester whose sharing rights are suspended rectifies (national Art. 27). */
    SUSPENSION_RECTIFICATION("sharing-suspension"),
    /** Holders of active grants answer a provider's consultation on retiring or changing a resource (national Art. 27). */
    RETIREMENT_CONSULTATION("retirement-consultation"),
    /** A side that does not accept a dispute's ruling takes it to the authority's people's government (national Art. 28). */
    DISPUTE_ESCALATION("cross-level-disputes");

    private static final Set<String> KEYS = Arrays.stream(values()).map(Deadline::key)
            .collect(Collectors.toCollection(TreeSet::new));

    private final String step;

    Deadline(String step) {
        this.step = step;
    }

    /** The name settings and BPMN expressions use, e.g. {@code catalog-review}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The optional step (its key in a pack's {@code steps:}) this deadline belongs to; empty for every pack's. */
    public Optional<String> step() {
        return Optional.ofNullable(step);
    }

    public static Optional<Deadline> ofKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst();
    }

    public static Set<String> keys() {
        return KEYS;
    }
}
