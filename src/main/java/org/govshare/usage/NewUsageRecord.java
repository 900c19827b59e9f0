package org.govshare.usage;

/** A usage record as the holder writes it (national Art. 29: scenario, process, results, storage, destruction). */
public record NewUsageRecord(String scenario, String process, String results, String storage, String destruction) {
}
