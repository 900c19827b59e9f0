package org.govshare.usage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.govshare.calendar.Today;
import org.govshare.detection.DailyFigures;
import org.govshare.detection.DailyRound;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.rules.PackSetting;
import org.govshare.rules.supervision.GrantInUseFact;
import org.springframework.stereotype.Component;

/**
 * The daily round writes down, from the day's data reads in the audit trail, which grants were first read that day;
 * the figures then give a {@link GrantInUseFact} for each grant in use without a usage record, its grace the pack's
 * {@code usage-record-grace-days} after the first read (national Art. 29). Kept as a first read, not searched for
 * in the whole audit trail each day, so that a day costs the same whatever the years hold.
 */
@Component
class UsageFigures implements DailyRound, DailyFigures {

    private final UsageRecordStore store;
    private final PackInForce pack;
    private final Today today;

    UsageFigures(UsageRecordStore store, PackInForce pack, Today today) {
        this.store = store;
        this.pack = pack;
        this.today = today;
    }

    @Override
    public void runOn(LocalDate day) {
        if (!pack.on(OptionalStep.USAGE_RECORDS)) {
            return;
        }
        ZoneId zone = today.zone();
        store.recordFirstReads(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), day);
    }

    @Override
    public List<Object> factsOn(LocalDate day) {
        if (!pack.on(OptionalStep.USAGE_RECORDS)) {
            return List.of();
        }
        int grace = pack.get().number(PackSetting.USAGE_RECORD_GRACE_DAYS);
        return store.inUseWithoutRecords(day).stream().<Object>map(used -> new GrantInUseFact(used.grantId(),
                used.holder(), used.resourceCode(), used.firstReadOn(), used.firstReadOn().plusDays(grace), used.records(),
                List.of(used.grantId(), used.evidence()))).toList();
    }
}
