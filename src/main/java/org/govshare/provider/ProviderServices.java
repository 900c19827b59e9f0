package org.govshare.provider;

import java.util.List;

import org.govshare.dataset.DataSlice;
import org.govshare.dataset.ItemFilter;
import org.springframework.stereotype.Service;

/** Provider services (Art. 10, 11): endpoints the platform calls on a consumer's behalf. (Contract.) */
@Service
public class ProviderServices {

    /**
     * Calls the resource's registered endpoint with the filters as its parameters.
     *
     * @throws ProviderUnavailableException when it does not answer in time (504) or answers with an error (502)
     */
    public DataSlice call(String resourceCode, List<ItemFilter> filters, int page, int size) {
        throw new UnsupportedOperationException("provider services are not built yet");
    }
}
