package org.govshare.dataset;

/** How a push changes a hosted dataset. */
public enum PushMode {
    /** the push is the whole dataset: records not in it are removed */
    REPLACE,
    /** records are added, or changed where their key exists; nothing is removed */
    UPSERT
}
