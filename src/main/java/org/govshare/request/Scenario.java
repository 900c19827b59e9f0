package org.govshare.request;

/** The business scenario a request serves. */
public enum Scenario {
    /** 行政审批 */
    ADMINISTRATIVE_APPROVAL,
    /** 行政执法 */
    LAW_ENFORCEMENT,
    /** 统计分析 */
    STATISTICAL_ANALYSIS,
    /** 公共服务 */
    PUBLIC_SERVICE,
    /** 决策支持 */
    DECISION_SUPPORT
}
