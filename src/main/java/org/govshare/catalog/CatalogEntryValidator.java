package org.govshare.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.govshare.rules.PackInForce;
import org.govshare.rules.RulePack;
import org.springframework.stereotype.Component;

/**
 * The field rules of a catalog entry (required fields, formats, the code's parts, the provider's range). The
 * rules of the regulation itself (Art. 9, 12, 13, 19) are in {@code rules/packs/<pack>/catalog/}.
 */
@Component
class CatalogEntryValidator {

    /** class (1) item (2) sub-item (3) / range (3) sequence (3) */
    static final Pattern CODE = Pattern.compile("(\\d)(\\d{2})(\\d{3})/(\\d{3})(\\d{3})");

    private final DepartmentDirectory departments;
    private final PackInForce pack;

    CatalogEntryValidator(DepartmentDirectory departments, PackInForce pack) {
        this.departments = departments;
        this.pack = pack;
    }

    /** Every broken field rule of the entry; empty when the entry is well formed. */
    List<FieldError> check(CatalogEntry e) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "name", e.name(), 200);
        required(errors, "summary", e.summary(), 2000);
        required(errors, "statutoryDuty", e.statutoryDuty(), 500);
        notNull(errors, "kind", e.kind());
        notNull(errors, "sharingType", e.sharingType());
        notNull(errors, "sharingMethod", e.sharingMethod());
        notNull(errors, "updateCycle", e.updateCycle());
        Optional<Department> provider = department(errors, "providerDepartment", e.providerDepartment());
        department(errors, "collectingDepartment", e.collectingDepartment());
        checkClassification(errors, e.classification());
        checkGrade(errors, e);
        checkCode(errors, e, provider);
        checkFormat(errors, e.format());
        checkItems(errors, e.items());
        checkKey(errors, e);
        for (int i = 0; i < e.conditions().size(); i++) {
            CatalogEntry.SharingCondition condition = e.conditions().get(i);
            notNull(errors, "conditions[" + i + "].type", condition.type());
            required(errors, "conditions[" + i + "].value", condition.value(), 500);
        }
        for (int i = 0; i < e.relatedCodes().size(); i++) {
            if (e.relatedCodes().get(i) == null || !CODE.matcher(e.relatedCodes().get(i)).matches()) {
                errors.add(new FieldError("relatedCodes[" + i + "]", "code-format", "a related code looks like 101001/101007"));
            }
        }
        provider.ifPresent(p -> {
            if (e.tier() != null && e.tier() != p.tier()) {
                errors.add(new FieldError("tier", "tier-of-provider", "the tier is the provider's: " + p.tier()));
            }
            if (e.regionCode() != null && !e.regionCode().equals(p.regionCode())) {
                errors.add(new FieldError("regionCode", "region-of-provider", "the region is the provider's: " + p.regionCode()));
            }
        });
        return errors;
    }

    private void checkCode(List<FieldError> errors, CatalogEntry e, Optional<Department> provider) {
        if (e.code() == null || e.code().isBlank()) {
            errors.add(new FieldError("code", "required", "give the resource code, e.g. 101001/101007"));
            return;
        }
        Matcher code = CODE.matcher(e.code());
        if (!code.matches()) {
            errors.add(new FieldError("code", "code-format", "'" + e.code() + "' is not a resource code: class (1 digit), item (2),"
                    + " sub-item (3), a slash, the provider's catalog range (3) and a sequence (3), e.g. 101001/101007"));
            return;
        }
        CatalogEntry.Classification c = e.classification();
        if (c != null && !(code.group(1) + code.group(2) + code.group(3)).equals(c.resourceClass() + c.item() + c.subItem())) {
            errors.add(new FieldError("code", "code-matches-classification", "the code's first part " + code.group(1)
                    + code.group(2) + code.group(3) + " must spell the classification " + c.resourceClass() + c.item() + c.subItem()));
        }
        provider.ifPresent(p -> {
            if (p.catalogRange() == null || !p.catalogRange().equals(code.group(4))) {
                errors.add(new FieldError("code", "code-in-department-range", "'" + e.code() + "' is outside the catalog range of "
                        + p.code() + " (" + p.catalogRange() + "): its codes end in /" + p.catalogRange() + "nnn"));
            }
        });
    }

    private static void checkClassification(List<FieldError> errors, CatalogEntry.Classification c) {
        if (c == null) {
            errors.add(new FieldError("classification", "required", "give the classification: class, item, sub-item"));
            return;
        }
        digits(errors, "classification.resourceClass", c.resourceClass(), 1);
        digits(errors, "classification.item", c.item(), 2);
        digits(errors, "classification.subItem", c.subItem(), 3);
    }

    private static void checkFormat(List<FieldError> errors, CatalogEntry.Format format) {
        if (format == null) {
            errors.add(new FieldError("format", "required", "give the format: category and type"));
            return;
        }
        notNull(errors, "format.category", format.category());
        required(errors, "format.type", format.type(), 100);
    }

    private static void checkItems(List<FieldError> errors, List<DataItem> items) {
        if (items.isEmpty()) {
            errors.add(new FieldError("items", "required", "list the resource's data items (信息项)"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            DataItem item = items.get(i);
            String at = "items[" + i + "]";
            required(errors, at + ".name", item.name(), 200);
            required(errors, at + ".type", item.type(), 50);
            notNull(errors, at + ".sensitivity", item.sensitivity());
            if (item.length() != null && item.length() <= 0) {
                errors.add(new FieldError(at + ".length", "positive", "a length is a positive number"));
            }
            if (item.name() != null && !names.add(item.name().trim())) {
                errors.add(new FieldError(at + ".name", "item-name-unique", "'" + item.name() + "' is listed twice"));
            }
        }
    }

    /** Records pushed to the platform are matched by key (upserts, error reports, filters): the entry says which. */
    private static void checkKey(List<FieldError> errors, CatalogEntry entry) {
        if (entry.sharingMethod() == SharingMethod.HOSTED_DATASET && entry.items().stream().noneMatch(DataItem::isKey)) {
            errors.add(new FieldError("items", "hosted-dataset-declares-key", "a resource hosted on the platform marks its"
                    + " key item or items (\"key\": true), by which records are matched and looked up"));
        }
    }

    /**
     * Art. 13 of the national regulation: a pack that grades data asks every entry for its classification and one of
     * its grades; a pack that grades nothing refuses a grade, which would mean nothing under it.
     */
    private void checkGrade(List<FieldError> errors, CatalogEntry e) {
        RulePack inForce = pack.get();
        boolean graded = e.grade() != null && !e.grade().isBlank();
        if (inForce.grades().isEmpty()) {
            if (graded) {
                errors.add(new FieldError("grade", "grade-of-pack", "the rule pack " + inForce.name()
                        + " grades no data; leave the grade out"));
            }
            if (e.dataCategory() != null && e.dataCategory().length() > 100) {
                errors.add(new FieldError("dataCategory", "max-length", "dataCategory has at most 100 characters"));
            }
            return;
        }
        required(errors, "dataCategory", e.dataCategory(), 100);
        if (!graded || !inForce.grades().contains(e.grade())) {
            errors.add(new FieldError("grade", "grade-of-pack", "the grade is one of the rule pack " + inForce.name()
                    + "'s grades: " + String.join(", ", inForce.grades())));
        }
    }

    private Optional<Department> department(List<FieldError> errors, String field, String code) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(field, "required", "give the department code"));
            return Optional.empty();
        }
        Optional<Department> department = departments.find(code);
        if (department.isEmpty()) {
            errors.add(new FieldError(field, "known-department", "'" + code + "' is not a department on the platform"));
        }
        return department;
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", field + " is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "max-length", field + " has at most " + max + " characters"));
        }
    }

    private static void notNull(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "required", field + " is required"));
        }
    }

    private static void digits(List<FieldError> errors, String field, String value, int count) {
        if (value == null || !value.matches("\\d{" + count + "}")) {
            errors.add(new FieldError(field, "digits", field + " is " + count + " digit" + (count > 1 ? "s" : "")));
        }
    }
}
