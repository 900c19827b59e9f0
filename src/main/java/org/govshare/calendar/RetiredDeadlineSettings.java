package org.govshare.calendar;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops the start when a deployment still sets {@code govshare.deadlines.working-days}: the figures moved into the
 * rule pack ({@code deadlines:} of its {@code pack.yaml}), and a setting that is silently ignored would leave an
 * operator believing a deadline is one figure while the platform counts another.
 */
@Component
class RetiredDeadlineSettings {

    RetiredDeadlineSettings(Environment environment) {
        if (Binder.get(environment).bind("govshare.deadlines.working-days", Bindable.mapOf(String.class, String.class))
                .isBound()) {
            throw new IllegalStateException("govshare.deadlines.working-days is no longer read: the working days of each"
                    + " deadline are the rule pack's, under deadlines: in rules/packs/<pack>/pack.yaml (docs/rule-packs.md);"
                    + " write the figures there and remove the setting");
        }
    }
}
