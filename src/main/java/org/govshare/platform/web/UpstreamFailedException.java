package org.govshare.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service outside the platform that a request needed did not answer in time (504) or failed (502). The message
 * is the platform's own; the outside service's error text never passes through to the caller.
 */
public class UpstreamFailedException extends RuntimeException {

    private final boolean timedOut;
    private final String rule;
    private final Map<String, Object> subject = new LinkedHashMap<>();

    protected UpstreamFailedException(String message, boolean timedOut, String rule, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
        this.rule = rule;
    }

    public boolean timedOut() {
        return timedOut;
    }

    /** The problem's rule, e.g. {@code provider-timeout}. */
    public String rule() {
        return rule;
    }

    /**
     * Names what failed, for the audit event of the answer ({@code upstream}, {@code resource}, …): the layer that
     * knows which service it called adds it on the way out, where the client that failed did not know it.
     */
    public UpstreamFailedException concerning(String name, Object value) {
        subject.put(name, value);
        return this;
    }

    /** What {@link #concerning} named, in order. */
    public Map<String, Object> subject() {
        return Map.copyOf(subject);
    }
}
