package org.govshare.catalog;

import static org.govshare.platform.FormValues.blank;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.govshare.platform.ProcessText;

/**
 * The whole of a catalog entry as one text for the review and revise tasks ({@code entrySummary}): every field in
 * Chinese-labelled lines, and for a change what differs from the published version. An official reads the case in
 * the task; no address to look it up elsewhere.
 */
final class EntrySummary {

    private EntrySummary() {
    }

    /**
     * @param published the current published version of the resource, or null for a new entry
     */
    static String of(Submission.Kind kind, CatalogEntry entry, CatalogListing published) {
        StringBuilder text = new StringBuilder("申请类型 Submission: ").append(kind);
        if (published != null && kind == Submission.Kind.CHANGE) {
            text.append("\n—— 与现行版本 ").append(published.version()).append(" 的差异 Changes from published version ")
                    .append(published.version()).append(" ——\n").append(differences(fields(published.entry()), fields(entry)));
        } else if (published != null && kind == Submission.Kind.RETIRE) {
            text.append("\n—— 退出现行版本 ").append(published.version()).append(" Retires published version ")
                    .append(published.version()).append(" (below) ——");
        }
        text.append("\n—— 目录内容 The entry ——");
        fields(entry).forEach((label, value) -> text.append('\n').append(label).append(": ").append(value));
        return ProcessText.fit(text.toString(), "the catalog page of " + entry.code());
    }

    /** Each field as a labelled line, one line per data item (keyed by its name, so a diff matches items). */
    static Map<String, String> fields(CatalogEntry e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("资源代码 Code", e.code());
        f.put("资源名称 Name", e.name());
        f.put("摘要 Summary", e.summary());
        f.put("提供单位 Provider", e.providerDepartment()
                + (e.tier() == null && e.regionCode() == null ? "" : " (" + e.tier() + ", " + e.regionCode() + ")"));
        f.put("采集单位 Collecting department", e.collectingDepartment());
        f.put("法定职责 Statutory duty", e.statutoryDuty());
        f.put("资源类型 Kind", str(e.kind()));
        f.put("分类 Classification", e.classification() == null ? null : "类 " + e.classification().resourceClass()
                + " / 项 " + e.classification().item() + " / 目 " + e.classification().subItem());
        if (e.dataCategory() != null || e.grade() != null) {
            // national regulation Art. 13; absent under a pack that grades nothing
            f.put("数据分类分级 Data classification and grade", nonNull(e.dataCategory()) + " / " + nonNull(e.grade()));
        }
        f.put("格式 Format", e.format() == null ? null : e.format().category() + " (" + e.format().type() + ")");
        f.put("数据项数 Number of data items", String.valueOf(e.items().size()));
        for (CatalogEntry.DataItem item : e.items()) {
            f.put("数据项 Item " + item.name(), item.type() + (item.length() == null ? "" : "(" + item.length() + ")")
                    + ", 敏感级别 sensitivity " + item.sensitivity()
                    + (item.isKey() ? ", 主键 key" : "") + (item.isRequired() ? ", 必填 required" : ", 选填 optional")
                    + ", 内容 kind " + item.kindOrText());
        }
        f.put("共享类型 Sharing type", str(e.sharingType()));
        f.put("共享条件 Conditions", e.sharingConditions());
        f.put("可校验条件 Machine-checkable conditions", e.conditions().isEmpty() ? null : e.conditions().stream()
                .map(c -> c.type() + " = " + c.value()).collect(Collectors.joining("; ")));
        f.put("法律依据 Legal basis", e.legalBasis() == null ? null
                : String.join(" ", nonNull(e.legalBasis().law()), nonNull(e.legalBasis().article())).strip());
        f.put("共享方式 Sharing method", str(e.sharingMethod()));
        f.put("向社会开放 Open to public", (e.openToPublic() ? "是 yes" : "否 no")
                + (blank(e.openConditions()) ? "" : " (" + e.openConditions() + ")"));
        f.put("更新周期 Update cycle", str(e.updateCycle()));
        if (e.publishDate() != null) {
            f.put("发布日期 Published", e.publishDate().toString());
        }
        f.put("关联资源 Related codes", e.relatedCodes().isEmpty() ? null : String.join(", ", e.relatedCodes()));
        f.replaceAll((label, value) -> blank(value) ? "—" : value);
        return f;
    }

    /** What changed, added or was removed, field by field and item by item; publish dates are not a change. */
    static String differences(Map<String, String> before, Map<String, String> after) {
        Set<String> labels = new LinkedHashSet<>(before.keySet());
        labels.addAll(after.keySet());
        labels.remove("发布日期 Published");
        List<String> lines = labels.stream().filter(l -> !java.util.Objects.equals(before.get(l), after.get(l)))
                .map(l -> !before.containsKey(l) ? "• 新增 added " + l + ": " + after.get(l)
                        : !after.containsKey(l) ? "• 删除 removed " + l + ": " + before.get(l)
                        : "• " + l + ": " + before.get(l) + " → " + after.get(l))
                .toList();
        return lines.isEmpty() ? "无差异 No differences" : String.join("\n", lines);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
