package org.govshare.grant;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.govshare.calendar.Today;
import org.govshare.detection.DailyFigures;
import org.govshare.detection.DetectionProperties;
import org.govshare.rules.supervision.LateDeliveryFact;
import org.springframework.stereotype.Component;

/**
 * A {@link LateDeliveryFact} for each grant whose delivery deadline (national Art. 22) passed before the day, within
 * the detection's lookback, with the data not there by then.
 */
@Component
class DeliveryFigures implements DailyFigures {

    private final GrantStore store;
    private final Today today;
    private final DetectionProperties detection;

    DeliveryFigures(GrantStore store, Today today, DetectionProperties detection) {
        this.store = store;
        this.today = today;
        this.detection = detection;
    }

    @Override
    public List<Object> factsOn(LocalDate day) {
        ZoneId zone = today.zone();
        return store.deliveredLate(day.minusDays(detection.lookbackDays()).atStartOfDay(zone).toInstant(),
                day.atStartOfDay(zone).toInstant()).stream().<Object>map(g -> new LateDeliveryFact(g.id(),
                g.providerDepartment(), g.consumerDepartment(), g.resourceCode(),
                g.deliveryDue().atZone(zone).toLocalDate(),
                g.deliveredAt() == null ? null : g.deliveredAt().atZone(zone).toLocalDate(), List.of(g.id()))).toList();
    }
}
