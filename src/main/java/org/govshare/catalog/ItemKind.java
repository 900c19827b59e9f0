package org.govshare.catalog;

/**
 * What a data item holds, where it matters for masking (Art. 19): the masking rule of a PERSONAL or
 * COMMERCIAL_SECRET item is chosen by its kind (settings under {@code govshare.access.masking}).
 */
public enum ItemKind {
    /** 公民身份号码: 4101**********1234 */
    ID_NUMBER,
    /** 姓名: 张* / 欧阳** */
    PERSON_NAME,
    /** 手机号码: 138****5678 */
    MOBILE,
    /** 地址: cut after the district (县/区) */
    ADDRESS,
    /** anything else: masked whole */
    TEXT
}
