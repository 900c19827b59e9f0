package org.govshare.catalog;

import java.time.LocalDate;

import org.govshare.platform.EvidenceFile;

/**
 * The two assessments a catalog submission records before its department head approves it (Art. 13 of the national
 * regulation, step {@code submission-assessments}): the secrecy-risk assessment (保密风险评估) and the
 * personal-information impact assessment (个人信息保护影响评估).
 */
public record SubmissionAssessments(Assessment secrecy, Assessment personalInformation) {

    public enum Kind {
        SECRECY("secrecy", "保密风险评估 secrecy-risk assessment"),
        PERSONAL_INFORMATION("personalInformation", "个人信息保护影响评估 personal-information impact assessment");

        private final String field;
        private final String label;

        Kind(String field, String label) {
            this.field = field;
            this.label = label;
        }

        /** How a refusal names it, e.g. {@code assessments.secrecy}. */
        public String field() {
            return "assessments." + field;
        }

        public String label() {
            return label;
        }
    }

    Assessment of(Kind kind) {
        return kind == Kind.SECRECY ? secrecy : personalInformation;
    }

    /**
     * One assessment as submitted.
     *
     * @param done   whether it was carried out; the personal-information one may be not done only for an entry
     *               without personal data items
     * @param doneOn the day it was completed
     * @param doneBy who carried it out (an office or an assessor)
     * @param file   its report
     */
    public record Assessment(Boolean done, LocalDate doneOn, String doneBy, EvidenceFile file) {
    }

    /** One assessment as kept and shown: of its report, the name, type and size, not the bytes. */
    public record Recorded(Kind kind, boolean done, LocalDate doneOn, String doneBy, EvidenceFile.Checked file) {
    }

    /** A checked assessment and its report's bytes, for the store. */
    record Checked(Recorded recorded, byte[] content) {
    }
}
