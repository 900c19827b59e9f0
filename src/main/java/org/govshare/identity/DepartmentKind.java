package org.govshare.identity;

/** The part a department plays under the Measures. */
public enum DepartmentKind {
    /** 政府信息资源共享主管部门: runs the platform, reviews, coordinates, assesses */
    SHARING_AUTHORITY,
    /** 监察机关: receives escalations of violations */
    SUPERVISORY,
    /** 行政机关: provides its own resources and uses others' */
    ADMINISTRATIVE
}
