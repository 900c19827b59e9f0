package org.govshare.catalog;

/** The broad form of a resource's data (national catalog guide: 信息资源格式分类). */
public enum FormatCategory {
    STRUCTURED_TABLE,
    DOCUMENT,
    IMAGE,
    AUDIO_VIDEO,
    SPATIAL,
    API
}
