package org.govshare.rules;

import java.util.Map;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rules in force, and their reload by a rule author after editing the DRL files. */
@RestController
@RequestMapping("/api/rules")
class RulesController {

    private final RuleBook rules;
    private final AuditTrail auditTrail;

    RulesController(RuleBook rules, AuditTrail auditTrail) {
        this.rules = rules;
        this.auditTrail = auditTrail;
    }

    /** decision → number of rules in force */
    @GetMapping
    Map<String, Integer> inForce() {
        return rules.decisions();
    }

    /** Rebuilds the rules from the DRL files; a file that does not compile is named and nothing changes. */
    @PostMapping("/reload")
    Map<String, Integer> reload() {
        try {
            Map<String, Integer> inForce = rules.reload();
            auditTrail.record(AuditEntry.ok(AuditAction.RULES_RELOADED, "rules", "all").with("decisions", inForce));
            return inForce;
        } catch (RuleCompilationException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new FieldError(p.file() + ":" + p.line() + ":" + p.column(), "drl-compiles", p.message()))
                    .toList());
        }
    }
}
