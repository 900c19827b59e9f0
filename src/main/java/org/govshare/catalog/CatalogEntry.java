package org.govshare.catalog;

import java.time.LocalDate;
import java.util.List;

import org.govshare.identity.Tier;
import org.govshare.vocabulary.ConditionType;
import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;

/**
 * One resource of a department's catalog: the core metadata of the national catalog compilation guide (2017),
 * and what Art. 13 to 16 require of it.
 *
 * @param code classification part and sequence, e.g. {@code 201003/101007}: class (1 digit), item (2), sub-item
 *             (3), a slash, the provider's 3-digit catalog range and a 3-digit sequence
 * @param collectingDepartment the department that collects the data under its statutory duty (Art. 8)
 * @param statutoryDuty the duty it collects under
 * @param sharingConditions the conditions in words (Art. 13), for CONDITIONAL resources
 * @param conditions the machine-checkable part of the conditions
 * @param legalBasis the law or regulation and article behind NON_SHARING (Art. 13) or behind the conditions
 * @param publishDate set when a version is published
 * @param relatedCodes codes of related resources
 * @param tier the provider's tier; filled from the provider when empty
 * @param regionCode the provider's region; filled from the provider when empty
 * @param dataCategory the data classification (分类, Art. 13 of the national regulation) in words, e.g. 人口信息;
 *                     not the catalog classification the code spells
 * @param grade the data grade (分级, Art. 13 of the national regulation), one of the rule pack's grades; null
 *              under a pack that grades nothing
 */
public record CatalogEntry(
        String code,
        String name,
        String summary,
        String providerDepartment,
        String collectingDepartment,
        String statutoryDuty,
        ResourceKind kind,
        Classification classification,
        Format format,
        List<DataItem> items,
        SharingType sharingType,
        String sharingConditions,
        List<SharingCondition> conditions,
        LegalBasis legalBasis,
        SharingMethod sharingMethod,
        boolean openToPublic,
        String openConditions,
        UpdateCycle updateCycle,
        LocalDate publishDate,
        List<String> relatedCodes,
        Tier tier,
        String regionCode,
        String dataCategory,
        String grade) {

    /** An entry without classification and grade, as under a pack that grades nothing. */
    public CatalogEntry(String code, String name, String summary, String providerDepartment,
                        String collectingDepartment, String statutoryDuty, ResourceKind kind,
                        Classification classification, Format format, List<DataItem> items, SharingType sharingType,
                        String sharingConditions, List<SharingCondition> conditions, LegalBasis legalBasis,
                        SharingMethod sharingMethod, boolean openToPublic, String openConditions,
                        UpdateCycle updateCycle, LocalDate publishDate, List<String> relatedCodes, Tier tier,
                        String regionCode) {
        this(code, name, summary, providerDepartment, collectingDepartment, statutoryDuty, kind, classification, format,
                items, sharingType, sharingConditions, conditions, legalBasis, sharingMethod, openToPublic,
                openConditions, updateCycle, publishDate, relatedCodes, tier, regionCode, null, null);
    }

    public CatalogEntry {
        items = items == null ? List.of() : List.copyOf(items);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        relatedCodes = relatedCodes == null ? List.of() : List.copyOf(relatedCodes);
    }

    /** 类 / 项 / 目: the classification the code's first part spells. */
    public record Classification(String resourceClass, String item, String subItem) {
    }

    /** e.g. STRUCTURED_TABLE + "xlsx", API + "JSON over HTTPS" */
    public record Format(FormatCategory category, String type) {
    }

    /**
     * One data item (信息项): name, data type, length, sensitivity.
     *
     * @param type {@code string}, {@code integer}, {@code decimal}, {@code date}, {@code datetime} or
     *             {@code boolean} (other words are read as string)
     * @param key whether the item is (part of) the key of a record: hosted datasets declare at least one
     * @param required whether every record has a value for it (key items always do)
     * @param kind what it holds, for masking; empty for TEXT
     */
    public record DataItem(String name, String type, Integer length, Sensitivity sensitivity, Boolean key,
                           Boolean required, ItemKind kind) {

        public DataItem(String name, String type, Integer length, Sensitivity sensitivity) {
            this(name, type, length, sensitivity, null, null, null);
        }

        public boolean isKey() {
            return Boolean.TRUE.equals(key);
        }

        public boolean isRequired() {
            return isKey() || Boolean.TRUE.equals(required);
        }

        public ItemKind kindOrText() {
            return kind == null ? ItemKind.TEXT : kind;
        }
    }

    public record SharingCondition(ConditionType type, String value) {
    }

    /** e.g. 《中华人民共和国居民身份证法》, 第十九条 */
    public record LegalBasis(String law, String article) {

        public boolean cited() {
            return law != null && !law.isBlank() && article != null && !article.isBlank();
        }
    }

    public CatalogEntry withProviderPlace(Tier providerTier, String providerRegion) {
        return new CatalogEntry(code, name, summary, providerDepartment, collectingDepartment, statutoryDuty, kind,
                classification, format, items, sharingType, sharingConditions, conditions, legalBasis, sharingMethod,
                openToPublic, openConditions, updateCycle, publishDate, relatedCodes, providerTier, providerRegion, dataCategory,
                grade);
    }

    /** The same entry classified and graded (Art. 13 of the national regulation). */
    public CatalogEntry graded(String category, String dataGrade) {
        return new CatalogEntry(code, name, summary, providerDepartment, collectingDepartment, statutoryDuty, kind,
                classification, format, items, sharingType, sharingConditions, conditions, legalBasis, sharingMethod,
                openToPublic, openConditions, updateCycle, publishDate, relatedCodes, tier, regionCode, category, dataGrade);
    }

    public CatalogEntry publishedOn(LocalDate date) {
        return new CatalogEntry(code, name, summary, providerDepartment, collectingDepartment, statutoryDuty, kind,
                classification, format, items, sharingType, sharingConditions, conditions, legalBasis, sharingMethod,
                openToPublic, openConditions, updateCycle, date, relatedCodes, tier, regionCode, dataCategory, grade);
    }
}
