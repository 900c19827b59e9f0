package org.govshare.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One entry of a grant holder's usage records (national Art. 29).
 *
 * @param scenario the business in which the data was used
 * @param process how it was used, step by step
 * @param results what came of it
 * @param storage where and how the data is kept
 * @param destruction how and when it is (to be) destroyed
 * @param keptUntil the last day it must be kept: its day of recording plus the pack's {@code usage-record-retention},
 *                  fixed when it was recorded
 */
public record UsageRecord(long id, String grantId, String scenario, String process, String results, String storage,
                          String destruction, String recordedBy, Instant recordedAt, LocalDate keptUntil,
                          List<File> files) {

    public UsageRecord {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A file attached to a record, without its bytes. */
    public record File(long id, String name, String type, long size) {
    }

    UsageRecord withFiles(List<File> attached) {
        return new UsageRecord(id, grantId, scenario, process, results, storage, destruction, recordedBy, recordedAt,
                keptUntil, attached);
    }
}
