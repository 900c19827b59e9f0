package org.govshare.catalog;

import java.util.ArrayList;
import java.util.List;

import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.Workgroups;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.govshare.rules.Decision;
import org.govshare.rules.Finding;
import org.govshare.rules.RuleBook;
import org.govshare.rules.catalog.DataItemFact;
import org.govshare.rules.catalog.OverlapFact;
import org.govshare.rules.catalog.ResourceFact;
import org.springframework.stereotype.Component;

/**
 * Checks a catalog entry: its fields first, then the catalog rules of the regulation. Refusals come back as
 * field errors naming the rule and its article; flags go to the reviewer.
 */
@Component
class CatalogChecks {

    static final String DECISION = "catalog";

    private final CatalogEntryValidator validator;
    private final RuleBook rules;
    private final CatalogStore store;
    private final DepartmentDirectory departments;
    private final Workgroups workgroups;
    private final CatalogProperties properties;

    CatalogChecks(CatalogEntryValidator validator, RuleBook rules, CatalogStore store, DepartmentDirectory departments,
                  Workgroups workgroups, CatalogProperties properties) {
        this.validator = validator;
        this.rules = rules;
        this.store = store;
        this.departments = departments;
        this.workgroups = workgroups;
        this.properties = properties;
    }

    /** The entry with the provider's tier and region filled in, and the flags for the reviewer; or a refusal. */
    Checked check(CatalogEntry entry) {
        List<FieldError> errors = validator.check(entry);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Department provider = departments.require(entry.providerDepartment());
        CatalogEntry placed = entry.withProviderPlace(provider.tier(), provider.regionCode());
        Decision decision = rules.decide(DECISION, facts(placed));
        if (decision.refused()) {
            throw new InvalidInputException(decision.refusals().stream().map(CatalogChecks::asFieldError).toList());
        }
        return new Checked(placed, decision.flags());
    }

    record Checked(CatalogEntry entry, List<Finding> flags) {
    }

    private List<Object> facts(CatalogEntry e) {
        List<Object> facts = new ArrayList<>();
        boolean conditionsStated = (e.sharingConditions() != null && !e.sharingConditions().isBlank())
                || !e.conditions().isEmpty();
        facts.add(new ResourceFact(e.code(), e.providerDepartment(),
                e.providerDepartment().equals(workgroups.authorityDepartment()), e.kind(), e.sharingType(),
                e.legalBasis() != null && e.legalBasis().cited(), conditionsStated, e.openToPublic()));
        for (int i = 0; i < e.items().size(); i++) {
            facts.add(new DataItemFact(i, e.items().get(i).name(), e.items().get(i).sensitivity()));
        }
        store.overlaps(e.providerDepartment(), e.items()).forEach(o -> facts.add(
                new OverlapFact(o.code(), o.name(), o.department(), o.share(), properties.overlapThreshold())));
        return facts;
    }

    static FieldError asFieldError(Finding refusal) {
        return new FieldError(refusal.field(), refusal.citation(), refusal.message());
    }
}
