package org.govshare.dispute;

import java.time.LocalDate;
import java.util.List;

import org.govshare.platform.FormValues;

/**
 * A dispute as the applicant files it.
 *
 * @param requestId the refused or narrowed sharing request
 * @param items the items asked for (empty: all the request asked for)
 * @param validUntil the last day asked for (null: as the request asked)
 * @param withoutAddedConditions asks for the grant without the conditions the reply added
 * @param grounds why the refusal or narrowing is wrong
 */
public record NewDispute(String requestId, List<String> items, LocalDate validUntil, boolean withoutAddedConditions,
                         String grounds) {

    public NewDispute {
        items = FormValues.cleaned(items);
    }
}
