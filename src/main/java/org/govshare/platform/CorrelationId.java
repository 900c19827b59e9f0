package org.govshare.platform;

import org.slf4j.MDC;

/**
 * The id that ties one request's log lines, audit events and answer together. It lives in the logging context
 * (MDC) under one key, which the web filter sets, the audit trail reads, and background work restores.
 */
public final class CorrelationId {

    /** The MDC key, also the property name in problem documents and audit events. */
    public static final String KEY = "correlationId";

    private CorrelationId() {
    }

    /** The current request's or job's id, or null outside one. */
    public static String current() {
        return MDC.get(KEY);
    }
}
