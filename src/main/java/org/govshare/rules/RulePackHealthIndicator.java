package org.govshare.rules;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Names the rule pack in force and its version on the health page, so an operator sees which regulation runs. */
@Component("rulePack")
class RulePackHealthIndicator extends AbstractHealthIndicator {

    private final RuleBook rules;

    RulePackHealthIndicator(RuleBook rules) {
        this.rules = rules;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        RuleSetReport.Pack pack = rules.inForce().pack();
        health.up().withDetail("pack", pack.name()).withDetail("version", pack.version()).withDetail("title", pack.title())
                .withDetail("effective", pack.effective().toString()).withDetail("steps", pack.steps());
    }
}
