package org.govshare.dataset;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.govshare.identity.Caller;

/** Pushes for process tests, which drive services directly rather than over HTTP. */
public final class DatasetPushes {

    private DatasetPushes() {
    }

    /** Pushes a JSON array of records and answers the new version. */
    public static DataVersion pushJson(HostedDatasets hosted, Caller by, String code, PushMode mode, String json) {
        return hosted.push(by, code, mode, HostedDatasets.Format.JSON,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
