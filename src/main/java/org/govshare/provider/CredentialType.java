package org.govshare.provider;

/** How the platform proves itself to a provider's service. */
public enum CredentialType {
    /** nothing is sent (a service inside a trusted network) */
    NONE,
    /** {@code Authorization: Basic} with a username and password */
    BASIC,
    /** {@code Authorization: Bearer} with a token */
    BEARER,
    /** a header of the provider's choosing ({@code headerName}) carrying the token */
    HEADER
}
