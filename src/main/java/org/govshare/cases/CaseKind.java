package org.govshare.cases;

/**
 * What tells one kind of case from another to the kernel.
 *
 * @param process        the process definition key that works it, e.g. {@code sharing-request}
 * @param prefix         the prefix of its case numbers, e.g. {@code GX}; null for a kind that is not numbered
 * @param numberVariable the process variable that carries the number into the first step, which binds by it, e.g.
 *                       {@code requestNumber}
 * @param noun           how messages name it, e.g. {@code sharing request}
 * @param objectType     how the audit trail names it, e.g. {@code sharing-request}
 */
public record CaseKind(String process, String prefix, String numberVariable, String noun, String objectType) {
}
