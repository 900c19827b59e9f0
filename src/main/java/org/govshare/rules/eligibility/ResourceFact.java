package org.govshare.rules.eligibility;

import org.govshare.vocabulary.SharingType;

/**
 * The resource asked for, as the eligibility rules see it.
 *
 * @param legalBasis the law and article the resource cites (for NON_SHARING: why it is not shared), or empty
 * @param onPlatform whether its data is on the platform already: a hosted data version or a registered provider
 *                   service (e.g. Jincheng 2024 answers those sooner)
 * @param grade      its classification grade (national Art. 13, one of the pack's {@code grades}), or empty
 */
public record ResourceFact(String code, String name, String providerDepartment, SharingType sharingType,
                           String legalBasis, boolean onPlatform, String grade) {
}
