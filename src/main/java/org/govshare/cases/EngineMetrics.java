package org.govshare.cases;

import java.util.Date;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * The engine's jobs and incidents, and the deadlines its timers hold, as the database has them: every node of a
 * cluster reports the same figures, whichever node's job executor does the work (docs/operations.md). A deadline is
 * a timer job; one past its due date and not yet fired is overdue, which means the job executor is behind or down.
 */
@Component
class EngineMetrics implements MeterBinder {

    /** A timer is overdue once the job executor has had this long to fire it (it acquires jobs every few seconds). */
    private static final long OVERDUE_AFTER_MILLIS = 5 * 60_000;
    private static final long DAY_MILLIS = 24 * 3600_000;

    private final ManagementService management;
    private final RuntimeService runtime;

    EngineMetrics(ManagementService management, RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "govshare.deadlines.scheduled", "deadline timers waiting to fire",
                m -> m.createJobQuery().timers().count());
        gauge(registry, "govshare.deadlines.due.next.day", "deadline timers due within 24 hours",
                m -> m.createJobQuery().timers().duedateLowerThan(in(DAY_MILLIS)).count());
        gauge(registry, "govshare.deadlines.overdue", "deadline timers past due and not yet fired",
                m -> m.createJobQuery().timers().duedateLowerThan(in(-OVERDUE_AFTER_MILLIS)).count());
        Gauge.builder("govshare.engine.jobs", management, m -> m.createJobQuery().executable().count())
                .tag("state", "executable").description("jobs the job executor may run now").register(registry);
        Gauge.builder("govshare.engine.jobs", management, m -> m.createJobQuery().noRetriesLeft().count())
                .tag("state", "failed").description("jobs out of retries, each with an incident").register(registry);
        Gauge.builder("govshare.engine.jobs", management, m -> m.createJobQuery().timers().count())
                .tag("state", "timer").description("timer jobs, due or not").register(registry);
        for (String type : new String[] {Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE}) {
            Gauge.builder("govshare.engine.incidents", runtime, r -> r.createIncidentQuery().incidentType(type).count())
                    .tag("type", type).description("open incidents, which a process owner resolves in Cockpit")
                    .register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<ManagementService> value) {
        Gauge.builder(name, management, value).description(description).register(registry);
    }

    /** The engine's time, which tests move, plus the given offset. */
    private static Date in(long millis) {
        return new Date(ClockUtil.getCurrentTime().getTime() + millis);
    }
}
