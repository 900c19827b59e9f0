package org.govshare.catalog;

import org.govshare.platform.web.ConflictException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;

/** The refusal of what a step the pack in force turns off would do: 409 {@code step-off} on the field "pack". */
final class StepOff {

    private StepOff() {
    }

    static ConflictException of(PackInForce pack, OptionalStep step, String consequence) {
        return new ConflictException("pack", "step-off", "the rule pack " + pack.get().name() + " does not turn on the step "
                + step.key() + (step.article().isEmpty() ? "" : " (Art. " + step.article() + " of the national regulation)")
                + ": " + consequence);
    }

    /** Refuses unless the pack in force turns the step on. */
    static void require(PackInForce pack, OptionalStep step, String consequence) {
        if (!pack.on(step)) {
            throw of(pack, step, consequence);
        }
    }
}
