package org.govshare.provider;

/**
 * The provider's service did not answer in time (answered 504) or answered with an error (502). The message is the
 * platform's own; the provider's error text never passes through to the consumer.
 */
public class ProviderUnavailableException extends RuntimeException {

    private final boolean timedOut;

    public ProviderUnavailableException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
