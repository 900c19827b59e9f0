package org.govshare.rules.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.govshare.rules.RuleCase;

/**
 * What the supervision rules look at for one day, as a rule scenario writes it
 * ({@code rules/packs/<pack>/supervision/scenarios/*.yaml}): the day, and the facts the daily figures give, each named by its type
 * ({@code - OverdueReplyFact: {requestNumber: GX-2026-000123, ...}}). The detection builds the same list from stored
 * state.
 */
public record SupervisionCase(LocalDate day, @JsonProperty("facts") List<Map<String, JsonNode>> written)
        implements RuleCase {

    /** The facts the supervision rules match on: the only types a scenario may name, and a rule may import. */
    public static final List<Class<?>> FACTS = List.of(DayFact.class, OverdueReplyFact.class, OverdueCorrectionFact.class,
            UnansweredConsultationFact.class, AccessRefusalsFact.class, ThrottledReadsFact.class,
            RepeatedCollectionFact.class, StaleResourceFact.class, ServiceAvailabilityFact.class,
            LateDeliveryFact.class, GrantInUseFact.class);

    private static final ObjectMapper READER = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public SupervisionCase {
        if (day == null) {
            throw new IllegalArgumentException("a supervision scenario names its day (day: 2026-03-10)");
        }
        written = written == null ? List.of() : List.copyOf(written);
    }

    /** The day's fact first, then every fact as written, each read as the type it is named by. */
    @Override
    public List<Object> facts() {
        List<Object> all = new ArrayList<>();
        all.add(new DayFact(day));
        for (Map<String, JsonNode> named : written) {
            if (named.size() != 1) {
                throw new IllegalArgumentException("each fact is one type with its fields, e.g. '- OverdueReplyFact: {...}';"
                        + " found " + named.keySet());
            }
            var entry = named.entrySet().iterator().next();
            Class<?> type = factNamed(entry.getKey()).orElseThrow(() -> new IllegalArgumentException("'" + entry.getKey()
                    + "' is not a supervision fact; the facts are " + FACTS.stream().map(Class::getSimpleName)
                    .filter(n -> !n.equals("DayFact")).collect(Collectors.joining(", "))));
            try {
                all.add(READER.treeToValue(entry.getValue(), type));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(entry.getKey() + ": " + e.getOriginalMessage(), e);
            }
        }
        return all;
    }

    private static Optional<Class<?>> factNamed(String name) {
        // the day is the scenario's own 'day', never a fact written twice
        return FACTS.stream().filter(f -> f != DayFact.class && f.getSimpleName().equals(name)).findFirst();
    }
}
