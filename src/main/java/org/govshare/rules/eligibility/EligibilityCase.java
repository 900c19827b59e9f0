package org.govshare.rules.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.govshare.vocabulary.ConditionType;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;
import org.govshare.identity.DepartmentKind;
import org.govshare.identity.Tier;
import org.govshare.rules.RuleCase;

/**
 * Everything the eligibility rules decide from: the resource asked for, the request, the applicant department and
 * the grants it already holds for that resource. The sharing-request service builds it from stored state; a rule
 * author writes the same shape in a scenario file ({@code rules/eligibility/scenarios/*.yaml}).
 */
public record EligibilityCase(Resource resource, Request request, Applicant applicant, List<HeldGrant> grants)
        implements RuleCase {

    public EligibilityCase {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    /**
     * The resource as published in the sharing catalog.
     *
     * @param legalBasis the law and article behind NON_SHARING or behind its conditions, as one citation
     * @param grade      its data grade (Art. 13 of the national regulation); empty when it has none
     */
    public record Resource(String code, String name, String providerDepartment, SharingType sharingType,
                           String legalBasis, List<Item> items, List<Condition> conditions, String grade) {

        public Resource {
            items = items == null ? List.of() : List.copyOf(items);
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            grade = grade == null ? "" : grade;
        }

        public Resource(String code, String name, String providerDepartment, SharingType sharingType, String legalBasis,
                        List<Item> items, List<Condition> conditions) {
            this(code, name, providerDepartment, sharingType, legalBasis, items, conditions, "");
        }
    }

    public record Item(String name, Sensitivity sensitivity) {
    }

    public record Condition(ConditionType type, String value) {
    }

    /**
     * What is asked: the items, the purpose in words, the statutory duty it serves (law and article) and the period.
     */
    public record Request(List<String> items, String purpose, String duty, String scenario, LocalDate from,
                          LocalDate until) {

        public Request {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record Applicant(String department, Tier tier, String regionCode, DepartmentKind kind) {
    }

    /** A grant the applicant holds for the same resource and that is valid now. */
    public record HeldGrant(String id, List<String> items, LocalDate until) {

        public HeldGrant {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** The facts the DRL files match on. */
    @Override
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(new ResourceFact(resource.code(), resource.name(), resource.providerDepartment(), resource.sharingType(),
                resource.legalBasis() == null ? "" : resource.legalBasis(), resource.grade()));
        Map<String, Sensitivity> sensitivity = resource.items().stream()
                .collect(Collectors.toMap(Item::name, i -> i.sensitivity() == null ? Sensitivity.PUBLIC : i.sensitivity(),
                        (a, b) -> a));
        for (int i = 0; i < request.items().size(); i++) {
            String item = request.items().get(i);
            facts.add(new AskedItemFact(i, item, sensitivity.getOrDefault(item, Sensitivity.PUBLIC)));
        }
        resource.conditions().forEach(c -> facts.add(new ConditionFact(c.type(), c.value() == null ? "" : c.value())));
        facts.add(new RequestFact(nullToEmpty(request.purpose()), nullToEmpty(request.duty()),
                nullToEmpty(request.scenario())));
        facts.add(new ApplicantFact(applicant.department(), applicant.tier(), applicant.regionCode(), applicant.kind()));
        grants.forEach(g -> facts.add(new HeldGrantFact(g.id(), g.items(), g.until())));
        return facts;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

}
