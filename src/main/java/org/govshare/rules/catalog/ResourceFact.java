package org.govshare.rules.catalog;

import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.SharingType;

/**
 * The catalog entry under check, as the catalog rules see it.
 *
 * @param providerIsSharingAuthority whether the provider is the sharing authority (Art. 12: basic databases)
 * @param legalBasisCited a law and an article are both given
 * @param conditionsStated conditions are given in words or as machine-checkable conditions
 */
public record ResourceFact(String code, String providerDepartment, boolean providerIsSharingAuthority,
                           ResourceKind kind, SharingType sharingType, boolean legalBasisCited,
                           boolean conditionsStated, boolean openToPublic) {
}
