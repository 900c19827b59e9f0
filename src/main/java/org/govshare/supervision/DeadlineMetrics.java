package org.govshare.supervision;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Missed deadlines, counted from the violation register: each missed deadline is recorded there once, by the
 * timer that found it or the daily detection, so the register, not a counter of one node, is the figure.
 */
@Component
class DeadlineMetrics implements MeterBinder {

    /** The violation types that are a deadline missed. */
    static final List<ViolationType> MISSED_DEADLINES = List.of(ViolationType.DELAYED_REPLY,
            ViolationType.DELAYED_CORRECTION, ViolationType.DATA_NOT_UPDATED, ViolationType.LATE_DELIVERY,
            ViolationType.CATALOG_NOT_UPDATED, ViolationType.NOT_DISPOSED);

    private final ViolationStore store;

    DeadlineMetrics(ViolationStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ViolationType type : MISSED_DEADLINES) {
            Gauge.builder("govshare.deadlines.missed", store, s -> s.countOfType(type))
                    .tag("type", type.name()).description("deadlines missed, as recorded in the violation register")
                    .register(registry);
        }
    }
}
