package org.govshare.provider;

import org.govshare.platform.web.UpstreamFailedException;

/**
 * The provider's service did not answer in time (answered 504), answered with an error, or is at an address the
 * platform may not call (502). The message is the platform's own; the provider's error text never passes through to
 * the consumer.
 */
public class ProviderUnavailableException extends UpstreamFailedException {

    public ProviderUnavailableException(String message, boolean timedOut, Throwable cause) {
        this(message, timedOut, timedOut ? "provider-timeout" : "provider-failed", cause);
    }

    private ProviderUnavailableException(String message, boolean timedOut, String rule, Throwable cause) {
        super(message, timedOut, rule, cause);
    }

    /** A service not called at all: its address resolves outside the networks provider services may reach. */
    public static ProviderUnavailableException addressNotAllowed(String message) {
        return new ProviderUnavailableException(message, false, "provider-address-not-allowed", null);
    }
}
