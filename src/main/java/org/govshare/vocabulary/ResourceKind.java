package org.govshare.vocabulary;

/** Art. 12: the database a resource belongs to. */
public enum ResourceKind {
    /** 基础: population, legal entities, geospatial, macro-economy; kept by the sharing authority */
    BASIC,
    /** 主题 (综合): built by the sharing authority with the departments concerned */
    THEMATIC,
    /** 部门 (业务): built and kept by a department */
    PROFESSIONAL
}
