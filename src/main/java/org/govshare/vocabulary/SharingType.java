package org.govshare.vocabulary;

/** Art. 13: how a resource may be shared with other administrative bodies. */
public enum SharingType {
    /** 无条件共享: to every administrative body, without conditions */
    UNCONDITIONAL,
    /** 有条件共享: on the conditions the business authority set */
    CONDITIONAL,
    /** 不予共享: not shared; only with a cited law or regulation */
    NON_SHARING
}
