package org.govshare.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The steps a rule pack may turn on ({@code steps:} in {@code pack.yaml}): each one the national regulation of
 * 2025 (or another jurisdiction) asks for and the Zhengzhou measures do not. A process or service asks the pack in
 * force whether a step is on ({@code ${pack.on('requester-head-approval')}} in BPMN); a step that is off leaves the
 * platform as it was.
 */
public enum OptionalStep {

    /** The head of the requesting department's sharing office approves a request before it is sent (national Art. 20). */
    REQUESTER_HEAD_APPROVAL("20"),
    /** The provider's head approves the reviewer's reply before it takes effect (national Art. 20). */
    PROVIDER_HEAD_APPROVAL("20"),
    /** The authority checks a request for conformity before the provider sees it (Jincheng 2024). */
    AUTHORITY_CONFORMITY_CHECK(""),
    /** The provider may ask the authority for a longer reply period (national Art. 21). */
    REPLY_EXTENSION("21"),
    /** The provider lists missing materials in one notice instead of refusing (national Art. 21). */
    MATERIALS_SUPPLEMENT("21"),
    /** Data agreed on but not yet on the platform is delivered within a deadline (national Art. 22). */
    DELIVERY_DEADLINE("22"),
    /** A change of law or duties obliges a catalog update within a deadline (national Art. 17). */
    CATALOG_UPDATE_DUTY("17"),
    /** A catalog submission records its secrecy and personal-information assessments and its head's approval (national Art. 13). */
    SUBMISSION_ASSESSMENTS("13"),
    /** The authority names a source department for data several collect (national Art. 19). */
    SOURCE_DEPARTMENT("19"),
    /** The authority or a provider suspends a requester's sharing rights on misuse (national Art. 27). */
    SHARING_SUSPENSION("27"),
    /** A provider consults the holders and files with the authority before retiring or changing a resource (national Art. 27). */
    RETIREMENT_CONSULTATION("27"),
    /** The holder of an ended grant disposes of the data and attests it (national Art. 27). */
    DISPOSAL_ATTESTATION("27"),
    /** Grant holders keep usage records (national Art. 29). */
    USAGE_RECORDS("29"),
    /** Disputes across tiers or regions go to the common higher authority, then its people's government (national Art. 28). */
    CROSS_LEVEL_DISPUTES("28"),
    /** Citizens and organisations complain about sharing that harmed them (national Art. 37). */
    PUBLIC_COMPLAINTS("37");

    private final String article;

    OptionalStep(String article) {
        this.article = article;
    }

    /** The key in {@code pack.yaml}, e.g. {@code requester-head-approval}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The article of the national regulation that asks for the step; empty for one no national article asks for. */
    public String article() {
        return article;
    }

    public static Optional<OptionalStep> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
