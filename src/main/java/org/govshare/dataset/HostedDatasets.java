package org.govshare.dataset;

import java.util.List;

import org.springframework.stereotype.Service;

/** Hosted datasets (Art. 10, 11): pushes, versions, and reads. (Contract; implemented by the datasets work.) */
@Service
public class HostedDatasets {

    /**
     * A page of the current version's records matching every filter, ordered by key.
     *
     * @throws org.govshare.platform.web.NotFoundException when nothing was ever pushed for the resource
     */
    public DataSlice read(String resourceCode, List<ItemFilter> filters, int page, int size) {
        throw new UnsupportedOperationException("hosted datasets are not built yet");
    }
}
