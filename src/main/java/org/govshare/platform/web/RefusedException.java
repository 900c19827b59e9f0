package org.govshare.platform.web;

/**
 * The caller may not have this, for a reason the platform names: answered with 403 and a problem whose type and
 * error carry the rule (e.g. {@code grant-expired}), so a consumer learns which check failed.
 */
public class RefusedException extends RuleBrokenException {

    public RefusedException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
