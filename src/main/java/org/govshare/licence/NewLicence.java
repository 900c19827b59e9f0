package org.govshare.licence;

import java.util.List;
import java.util.Map;

/**
 * A provider's request to issue a licence.
 *
 * @param resource the code of one of its published hosted datasets
 * @param filter item → value, matched exactly against the current version; exactly one record must match
 * @param title what the licence is, e.g. 企业登记证明
 * @param holderItem the item whose value names the holder, e.g. 组织名称; one the licence carries
 * @param items the items the licence carries, in this order; empty: every item of the resource but state secrets
 */
public record NewLicence(String resource, Map<String, Object> filter, String title, String holderItem, List<String> items) {
}
