package org.govshare.provider;

/**
 * The credentials a provider gives for its service, as registered. The password and token are secrets: they are
 * kept sealed, never answered, never logged ({@link #toString()} leaves them out).
 *
 * @param username for BASIC
 * @param password for BASIC
 * @param token for BEARER, or the header's value for HEADER
 * @param headerName for HEADER, e.g. {@code X-Api-Key}
 */
public record ServiceCredentials(CredentialType type, String username, String password, String token, String headerName) {

    public static final ServiceCredentials NONE = new ServiceCredentials(CredentialType.NONE, null, null, null, null);

    /** The one secret of these credentials (the password or the token), or null. */
    String secret() {
        return type == CredentialType.BASIC ? password : type == CredentialType.NONE ? null : token;
    }

    @Override
    public String toString() {
        return "ServiceCredentials[" + type + ", username=" + username + ", headerName=" + headerName + ", secrets hidden]";
    }
}
