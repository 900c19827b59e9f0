package org.govshare.rules.eligibility;

import org.govshare.vocabulary.SharingType;

/**
 * The resource asked for, as the eligibility rules see it.
 *
 * @param legalBasis the law and article the resource cites (for NON_SHARING: why it is not shared), or empty
 * @param grade      the data grade the catalog gives it (Art. 13 of the national regulation), e.g. 核心数据; empty
 *                   when the pack grades nothing
 */
public record ResourceFact(String code, String name, String providerDepartment, SharingType sharingType,
                           String legalBasis, String grade) {

    public ResourceFact(String code, String name, String providerDepartment, SharingType sharingType, String legalBasis) {
        this(code, name, providerDepartment, sharingType, legalBasis, "");
    }
}
