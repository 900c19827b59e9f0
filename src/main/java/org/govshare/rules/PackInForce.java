package org.govshare.rules;

import java.util.Optional;
import java.util.OptionalInt;

import org.govshare.calendar.DeadlineFigures;
import org.govshare.supervision.ViolationTaxonomy;
import org.govshare.supervision.ViolationType;
import org.springframework.stereotype.Component;

/**
 * The pack in force as the rest of the platform asks it: BPMN whether a step is on
 * ({@code ${pack.on('requester-head-approval')}}), the calendar how many working days a deadline has, supervision
 * which article a violation falls under. Always the pack in force at the moment of asking, so a reload counts from
 * the next question on; what was already decided (a deadline set, a violation recorded) keeps what it was given.
 */
@Component("pack")
public class PackInForce implements DeadlineFigures, ViolationTaxonomy {

    private final RuleBook rules;

    PackInForce(RuleBook rules) {
        this.rules = rules;
    }

    /** The pack itself. */
    public RulePack get() {
        return rules.pack();
    }

    /** Whether the pack in force turns a step on; an unknown step stops the caller, as a typo in BPMN must. */
    public boolean on(String step) {
        return rules.pack().on(OptionalStep.ofKey(step).orElseThrow(() -> new IllegalArgumentException(
                "no optional step '" + step + "'; the steps are " + java.util.Arrays.toString(OptionalStep.values()))));
    }

    public boolean on(OptionalStep step) {
        return rules.pack().on(step);
    }

    /**
     * Refuses a feature of a step the pack in force leaves off, so that it stays invisible: 409 {@code step-off},
     * naming the pack and the step.
     */
    public void require(OptionalStep step) {
        if (!on(step)) {
            throw new org.govshare.platform.web.ConflictException("pack", "step-off", "the rule pack in force, "
                    + nameAndVersion() + ", does not have the step '" + step.key() + "'");
        }
    }

    /** The pack's name and version as the API names them, e.g. {@code national-2025}, {@code 2026.1+3f2a9c0d1e2b}. */
    public RuleSetReport.Pack report() {
        return rules.inForce().pack();
    }

    /** The pack's name and version in one, e.g. {@code national-2025 2026.1+3f2a9c0d1e2b}. */
    public String nameAndVersion() {
        return report().name() + " " + report().version();
    }

    @Override
    public OptionalInt workingDays(String key) {
        return rules.pack().workingDays(key);
    }

    @Override
    public String source() {
        return nameAndVersion();
    }

    @Override
    public Optional<Item> item(ViolationType type) {
        return rules.pack().violation(type);
    }

    @Override
    public String law() {
        return rules.pack().source().title();
    }
}
