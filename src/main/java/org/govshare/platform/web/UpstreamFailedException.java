package org.govshare.platform.web;

/**
 * A service outside the platform that a request needed did not answer in time (504) or failed (502). The message
 * is the platform's own; the outside service's error text never passes through to the caller.
 */
public class UpstreamFailedException extends RuntimeException {

    private final boolean timedOut;
    private final String rule;

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
}
