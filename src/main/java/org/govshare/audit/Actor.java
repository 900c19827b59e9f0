package org.govshare.audit;

/**
 * Who did something: an official's login and department, or the platform itself.
 *
 * @param id the login, {@code system} for the platform, {@code anonymous} for a caller without credentials
 * @param department the acting official's department code; null for the platform and unknown callers
 */
public record Actor(String id, String department) {

    public static final Actor SYSTEM = new Actor("system", null);
    public static final Actor ANONYMOUS = new Actor("anonymous", null);

    public static Actor unverified(String claimedLogin) {
        return new Actor(claimedLogin, null);
    }
}
