package org.govshare.rules.eligibility;

import org.govshare.vocabulary.SharingType;

/**
 * The resource asked for, as the eligibility rules see it.
 *
 * @param legalBasis the law and article the resource cites (for NON_SHARING: why it is not shared), or empty
 */
public record ResourceFact(String code, String name, String providerDepartment, SharingType sharingType,
                           String legalBasis) {
}
