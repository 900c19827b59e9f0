package org.govshare.detection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.govshare.calendar.Today;
import org.springframework.stereotype.Component;

/**
 * The figures detection counts itself from stored state: replies, corrections and consultation answers whose deadline
 * passed unanswered; refused reads by refusal rule; reads over a grant's rate limit; resources published although
 * flagged as collected already (Art. 9, 20, 24, 33). Freshness and availability come from the timeliness figures.
 */
@Component
class StoredFigures implements DailyFigures {

    private final FiguresStore store;
    private final Today today;
    private final DetectionProperties properties;

    StoredFigures(FiguresStore store, Today today, DetectionProperties properties) {
        this.store = store;
        this.today = today;
        this.properties = properties;
    }

    @Override
    public List<Object> factsOn(LocalDate day) {
        FiguresStore.Day d = FiguresStore.Day.of(day, today.zone(), properties.lookbackDays());
        List<Object> facts = new ArrayList<>(store.overdueReplies(d));
        facts.addAll(store.overdueCorrections(d));
        facts.addAll(store.unansweredConsultations(d));
        facts.addAll(store.accessRefusals(d));
        facts.addAll(store.throttledReads(d));
        facts.addAll(store.repeatedCollections(d));
        return facts;
    }
}
