package org.govshare.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an evidence package is about and what it holds: the file the authority seals ({@code manifest.json}, with its
 * detached CMS seal beside it), so that the SHA-256 of every other file is vouched for by the seal.
 *
 * @param format always {@code govshare.evidence-package}
 * @param subjectType {@code case} or {@code data-access}
 * @param subject the case number, or the audit event id of the read
 * @param madeBy the login of whoever asked for the package
 * @param madeByDepartment their department
 * @param sealedBy the department whose seal is on the manifest: the sharing authority
 * @param checkpoints the checkpoints the package's audit events are proved against
 * @param files every other file of the package, with its SHA-256
 */
record Manifest(String format, int version, String subjectType, String subject, String title, Instant madeAt,
                String madeBy, String madeByDepartment, String sealedBy, List<Long> checkpoints, List<File> files) {

    Manifest {
        // nulls kept, not refused here: the verifier names them as failures of the manifest it read
        checkpoints = checkpoints == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(checkpoints));
        files = files == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(files));
    }

    /** @param sha256 hex */
    record File(String path, String sha256, long size) {
    }
}
