package org.govshare.platform.web;

/**
 * The caller may not have this, for a reason the platform names: answered with 403 and a problem whose type and
 * error carry the rule (e.g. {@code grant-expired}), so a consumer learns which check failed.
 */
public class RefusedException extends RuntimeException {

    private final String field;
    private final String rule;

    public RefusedException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
