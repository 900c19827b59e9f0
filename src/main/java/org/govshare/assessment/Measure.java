package org.govshare.assessment;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the annual assessment measures of every administrative department, in the order the report shows it. The
 * exact definitions are in docs/assessment.md; the rule pack's scoring file weighs them by {@link #key()}.
 */
enum Measure {

    RESOURCES_UNCONDITIONAL("resources-unconditional", "无条件共享资源数", "catalog", "count"),
    RESOURCES_CONDITIONAL("resources-conditional", "有条件共享资源数", "catalog", "count"),
    RESOURCES_NON_SHARING("resources-non-sharing", "不予共享资源数", "catalog", "count"),
    NON_SHARING_WITH_LEGAL_BASIS("non-sharing-with-legal-basis", "不予共享有法律依据比例", "catalog", "share"),
    CATALOG_REVISIONS_ON_TIME("catalog-revisions-on-time", "目录退回按时修改率", "catalog", "share"),
    REQUESTS_ANSWERED_ON_TIME("requests-answered-on-time", "申请按时答复率", "requests", "share"),
    MEDIAN_REPLY_WORKING_DAYS("median-reply-working-days", "答复用时中位数（工作日）", "requests", "working-days"),
    UPDATE_CYCLES_MET("update-cycles-met", "按更新周期更新率", "data", "share"),
    SERVICE_AVAILABILITY("service-availability", "接口服务可用率", "data", "share"),
    CORRECTIONS_ON_TIME("corrections-on-time", "纠错按时核实率", "corrections", "share"),
    DATA_READS("data-reads", "数据被调用次数", "use", "count"),
    DATA_CONSUMERS("data-consumers", "使用其数据的部门数", "use", "count"),
    GRANTS_USED("grants-used", "已获授权使用率", "own-requests", "share"),
    VIOLATIONS_RECORDED("violations-recorded", "违规记录数", "violations", "count"),
    VIOLATIONS_RECTIFIED("violations-rectified", "违规整改率", "violations", "share"),
    VIOLATIONS_RECTIFIED_ON_TIME("violations-rectified-on-time", "违规按期整改率", "violations", "share"),
    COMPLAINTS_SUBSTANTIATED("complaints-substantiated", "投诉查实数", "complaints", "count");

    private final String key;
    private final String nameZh;
    private final String group;
    private final String unit;

    Measure(String key, String nameZh, String group, String unit) {
        this.key = key;
        this.nameZh = nameZh;
        this.group = group;
        this.unit = unit;
    }

    String key() {
        return key;
    }

    String nameZh() {
        return nameZh;
    }

    String group() {
        return group;
    }

    String unit() {
        return unit;
    }

    static Optional<Measure> ofKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
