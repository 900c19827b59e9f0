package org.govshare.platform.web;

/** The caller went over a rate limit; answered with 429 and a Retry-After header. */
public class TooManyRequestsException extends RuntimeException {

    private final String rule;
    private final long retryAfterSeconds;

    public TooManyRequestsException(String rule, String message, long retryAfterSeconds) {
        super(message);
        this.rule = rule;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String rule() {
        return rule;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
