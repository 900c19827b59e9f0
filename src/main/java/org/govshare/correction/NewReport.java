package org.govshare.correction;

import java.util.Map;

/**
 * What a consumer reports: the record (by its key items' values), the item, what is wrong and what it believes right.
 *
 * @param keyValues the key items of the resource → the record's values, e.g. {@code {"公民身份号码":"410105199001011234"}}
 */
public record NewReport(String resourceCode, Map<String, Object> keyValues, String item, String problem, String proposed) {

    public NewReport {
        keyValues = keyValues == null ? Map.of() : keyValues;
    }
}
