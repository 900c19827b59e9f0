package org.govshare.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a feature asks the audit trail to record. The trail adds the time, the actor (unless given), the
 * correlation id and the place in the hash chain.
 */
public record AuditEntry(
        AuditAction action,
        Outcome outcome,
        String objectType,
        String objectId,
        String reason,
        Actor actor,
        Map<String, Object> details) {

    public static AuditEntry ok(AuditAction action, String objectType, String objectId) {
        return new AuditEntry(action, Outcome.OK, objectType, objectId, null, null, Map.of());
    }

    public static AuditEntry refused(AuditAction action, String objectType, String objectId, String reason) {
        return new AuditEntry(action, Outcome.REFUSED, objectType, objectId, reason, null, Map.of());
    }

    public AuditEntry by(Actor who) {
        return new AuditEntry(action, outcome, objectType, objectId, reason, who, details);
    }

    public AuditEntry because(String why) {
        return new AuditEntry(action, outcome, objectType, objectId, why, actor, details);
    }

    public AuditEntry with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new AuditEntry(action, outcome, objectType, objectId, reason, actor, more);
    }
}
