package org.govshare.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.govshare.vocabulary.ConditionType;
import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.vocabulary.SharingType;

/**
 * The columns of a catalog spreadsheet in template order: the header key, the {@link CatalogEntry} field it fills
 * and the help the template's notes sheet shows. One list, so the reader, the template and its notes cannot drift.
 */
enum CatalogColumn {

    CODE("code", "code", true, null,
            "资源代码：类（1位）项（2位）目（3位）/ 提供部门目录范围（3位）顺序号（3位）",
            "Resource code: class (1 digit), item (2), sub-item (3), a slash, the provider's catalog range (3) and"
                    + " a sequence (3)",
            "e.g. 101001/101001"),
    NAME("name", "name", true, null, "资源名称", "Resource name", "free text"),
    SUMMARY("summary", "summary", true, null, "资源摘要：包含哪些数据、用于什么",
            "Summary: what the resource holds and what it serves", "free text"),
    PROVIDER_DEPARTMENT("provider_department", "providerDepartment", true, null, "资源提供部门（平台部门代码）",
            "Provider department (its platform code)", "e.g. public-security"),
    COLLECTING_DEPARTMENT("collecting_department", "collectingDepartment", true, null,
            "数据采集部门（平台部门代码，第八条）",
            "Department that collects the data under its statutory duty (Art. 8), by platform code",
            "e.g. public-security"),
    STATUTORY_DUTY("statutory_duty", "statutoryDuty", true, null, "采集数据所依据的法定职责",
            "The statutory duty the data is collected under", "free text"),
    KIND("kind", "kind", true, ResourceKind.class,
            "资源库类别（第十二条）：BASIC 基础库，THEMATIC 主题库，PROFESSIONAL 部门库",
            "Database the resource belongs to (Art. 12): basic, thematic or professional", null),
    CLASS("class", "classification.resourceClass", true, null, "资源分类：类（1位，文本）",
            "Classification: class (1 digit, as text)", "text, e.g. 1"),
    ITEM("item", "classification.item", true, null, "资源分类：项（2位，文本，保留前导零）",
            "Classification: item (2 digits, as text: keep leading zeros)", "text, e.g. 01"),
    SUB_ITEM("sub_item", "classification.subItem", true, null, "资源分类：目（3位，文本，保留前导零）",
            "Classification: sub-item (3 digits, as text: keep leading zeros)", "text, e.g. 001"),
    FORMAT_CATEGORY("format_category", "format.category", true, FormatCategory.class,
            "资源格式分类：结构化表格、文档、图像、音视频、空间数据、接口",
            "Format category: structured table, document, image, audio/video, spatial data, API", null),
    FORMAT_TYPE("format_type", "format.type", true, null, "资源格式类型，如 xlsx、JSON over HTTPS",
            "Format type, e.g. xlsx, JSON over HTTPS", "free text"),
    ITEMS("items", "items", true, null,
            "信息项：名称|数据类型|长度|敏感级别[|标记]，多个信息项以分号 ; 分隔，长度可空；标记：key 主键、required 必填、"
                    + "类别（脱敏）" + namesOf(ItemKind.class) + "（第十九条：敏感级别）",
            "Data items: name|type|length|sensitivity[|flags], separated by ';'; length may be empty; flags: key, required,"
                    + " and the kind for masking (Art. 19: sensitivity)",
            "sensitivity: " + namesOf(Sensitivity.class) + "; e.g. 公民身份号码|string|18|PERSONAL|key ID_NUMBER;"
                    + " 姓名|string|50|PERSONAL|PERSON_NAME"),
    SHARING_TYPE("sharing_type", "sharingType", true, SharingType.class,
            "共享类型（第十三条）：UNCONDITIONAL 无条件共享，CONDITIONAL 有条件共享，NON_SHARING 不予共享",
            "Sharing type (Art. 13): unconditional, conditional, or not shared", null),
    SHARING_CONDITIONS("sharing_conditions", "sharingConditions", false, null, "共享条件（文字说明，有条件共享时填写）",
            "Sharing conditions in words, for CONDITIONAL resources", "free text"),
    CONDITIONS("conditions", "conditions", false, null, "可机读的共享条件：类型=值，多个条件以分号 ; 分隔",
            "Machine-checkable sharing conditions: TYPE=value, separated by ';'",
            "TYPE: " + namesOf(ConditionType.class) + "; e.g. PURPOSE_REQUIRED=户籍核查; MAX_GRANT_DAYS=365"),
    LEGAL_BASIS_LAW("legal_basis_law", "legalBasis.law", false, null, "不予共享或共享条件所依据的法律法规",
            "The law or regulation behind NON_SHARING or behind the conditions", "e.g. 《中华人民共和国居民身份证法》"),
    LEGAL_BASIS_ARTICLE("legal_basis_article", "legalBasis.article", false, null, "所依据的条款",
            "The article of that law or regulation", "e.g. 第十九条"),
    SHARING_METHOD("sharing_method", "sharingMethod", true, SharingMethod.class,
            "共享方式（第十条、第十一条）：HOSTED_DATASET 数据汇聚到平台，PROVIDER_SERVICE 通过平台访问提供部门的服务",
            "Sharing method (Art. 10, 11): hosted on the platform, or reached through it at the provider", null),
    OPEN_TO_PUBLIC("open_to_public", "openToPublic", false, null, "是否向社会开放（空 = 否）",
            "Open to the public (empty = false)", "true, false, 是, 否"),
    OPEN_CONDITIONS("open_conditions", "openConditions", false, null, "向社会开放的条件",
            "Conditions of opening to the public", "free text"),
    UPDATE_CYCLE("update_cycle", "updateCycle", true, UpdateCycle.class,
            "更新周期（第十六条）：实时、每日、每周、每月、每季度、每年",
            "Update cycle (Art. 16): real time, daily, weekly, monthly, quarterly, yearly", null),
    RELATED_CODES("related_codes", "relatedCodes", false, null, "关联资源的代码，多个以逗号 , 分隔",
            "Codes of related resources, separated by ','", "e.g. 101002/101002, 201003/101007");

    private final String key;
    private final String field;
    private final boolean required;
    private final Class<? extends Enum<?>> choices;
    private final String descriptionZh;
    private final String descriptionEn;
    private final String allowed;

    CatalogColumn(String key, String field, boolean required, Class<? extends Enum<?>> choices, String descriptionZh,
                  String descriptionEn, String allowed) {
        this.key = key;
        this.field = field;
        this.required = required;
        this.choices = choices;
        this.descriptionZh = descriptionZh;
        this.descriptionEn = descriptionEn;
        this.allowed = allowed != null ? allowed : namesOf(choices);
    }

    /** The header key, e.g. {@code sharing_type}. */
    String key() {
        return key;
    }

    /** The path of the {@link CatalogEntry} field the column fills, e.g. {@code classification.item}. */
    String field() {
        return field;
    }

    boolean required() {
        return required;
    }

    /** The enum whose names the column takes, if it takes enum names. */
    Optional<Class<? extends Enum<?>>> choices() {
        return Optional.ofNullable(choices);
    }

    String descriptionZh() {
        return descriptionZh;
    }

    String descriptionEn() {
        return descriptionEn;
    }

    /** What may be written, for a person. */
    String allowed() {
        return allowed;
    }

    static Optional<CatalogColumn> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equalsIgnoreCase(key)).findFirst();
    }

    static String namesOf(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
