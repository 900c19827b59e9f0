package org.govshare.dispute;

import java.util.Optional;

import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.Workgroups;
import org.govshare.platform.web.ConflictException;
import org.govshare.request.SharingRequest;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.springframework.stereotype.Component;

/**
 * Who coordinates a dispute under national Art. 28: the authority of the same level when both departments sit at one
 * tier in one region, else the common higher authority. A city's platform has one authority that coordinates, the
 * municipal one ({@code govshare.identity.authority-department}), which is the common higher authority of every
 * department of the city and, for want of a district authority that coordinates, the same-level one of two district
 * departments too. A department outside the authority's region has its common higher authority at the province or
 * above, which is not on this platform: such a dispute is refused rather than coordinated by the wrong body.
 */
@Component
class Coordinators {

    private final PackInForce pack;
    private final DepartmentDirectory departments;
    private final Workgroups workgroups;

    Coordinators(PackInForce pack, DepartmentDirectory departments, Workgroups workgroups) {
        this.pack = pack;
        this.departments = departments;
        this.workgroups = workgroups;
    }

    /** The coordination of a dispute of this request; empty under a pack without the step cross-level-disputes. */
    Optional<Dispute.Coordination> of(SharingRequest request) {
        if (!pack.on(OptionalStep.CROSS_LEVEL_DISPUTES)) {
            return Optional.empty();
        }
        Department applicant = departments.require(request.applicantDepartment());
        Department provider = departments.require(request.providerDepartment());
        Department authority = departments.require(workgroups.authorityDepartment());
        // GB/T 2260: a region's code with its trailing pairs of zeros dropped is the prefix of every region inside it
        String covered = authority.regionCode().replaceFirst("(00)+$", "");
        for (Department side : new Department[] {applicant, provider}) {
            if (!side.regionCode().startsWith(covered)) {
                throw new ConflictException("requestId", "coordinator-off-platform", side.code() + " (" + side.regionCode()
                        + ") lies outside " + authority.code() + "'s region " + authority.regionCode()
                        + ": the common higher authority that coordinates this dispute (Art. 28) is not on this platform");
            }
        }
        boolean sameLevel = applicant.tier() == provider.tier() && applicant.regionCode().equals(provider.regionCode());
        String reason = applicant.code() + " (" + applicant.tier() + " " + applicant.regionCode() + "), " + provider.code()
                + " (" + provider.tier() + " " + provider.regionCode() + ")";
        return Optional.of(new Dispute.Coordination(sameLevel ? Dispute.Coordination.Level.SAME_LEVEL
                : Dispute.Coordination.Level.COMMON_HIGHER, authority.code(), authority.tier(), reason));
    }
}
