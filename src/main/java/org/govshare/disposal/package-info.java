/**
 * Disposal of the data of an ended grant (national Art. 27): the holder disposes of it as the provider requires and
 * attests it within the pack's deadline, in the {@code grant-disposal} process; no attestation is a violation.
 */
package org.govshare.disposal;
