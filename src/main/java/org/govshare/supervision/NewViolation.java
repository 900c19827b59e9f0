package org.govshare.supervision;

import java.time.Instant;

/**
 * A violation the authority records by hand, as it arrives: unchecked until {@link ViolationRegister} has checked it.
 *
 * @param type a {@link ViolationType} name, e.g. {@code CONCEALMENT}
 * @param evidenceType what the evidence is, e.g. {@code inspection-report}
 * @param occurredAt when the act happened (not in the future)
 */
public record NewViolation(String department, String type, String description, String evidenceType, String evidenceId,
                           Instant occurredAt) {
}
