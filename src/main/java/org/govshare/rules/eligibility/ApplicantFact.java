package org.govshare.rules.eligibility;

import org.govshare.identity.DepartmentKind;
import org.govshare.identity.Tier;

/** The department that asks. */
public record ApplicantFact(String department, Tier tier, String regionCode, DepartmentKind kind) {

    public String tierName() {
        return tier == null ? "" : tier.name();
    }
}
