package org.govshare.identity;

import org.govshare.audit.Actor;

/**
 * A registered system authenticated with its client credential. Every audit event of its calls names the system
 * (its client id) and its department, never the official who registered it.
 *
 * @param clientId the system's client id, e.g. {@code sys-4k2m9q0xw7ab}
 * @param name the name its department gave it
 * @param department the code of the department it belongs to
 */
public record SystemCaller(String clientId, String name, String department) implements Caller {

    /**
     * What every client id starts with, and no official's login does: the prefix alone tells which store checks
     * a login, so a system can never be mistaken for a person or the other way round.
     */
    public static final String CLIENT_ID_PREFIX = "sys-";

    public static boolean isClientId(String login) {
        return login != null && login.startsWith(CLIENT_ID_PREFIX);
    }

    @Override
    public String id() {
        return clientId;
    }

    @Override
    public boolean isSystem() {
        return true;
    }

    @Override
    public Actor actor() {
        return new Actor(clientId, department);
    }
}
