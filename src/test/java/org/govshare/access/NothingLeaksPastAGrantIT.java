package org.govshare.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.vocabulary.ConditionType;
import org.govshare.catalog.ItemKind;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.catalog.SharingMethod;
import org.govshare.vocabulary.SharingType;
import org.govshare.grant.Grant;
import org.govshare.grant.Reveal;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Non-interference, generated: for random hosted datasets of every item kind and sensitivity, random grants (items,
 * unmasking, verification keys) and random questions (items, exact and range filters, sorting, paging, error
 * reports), a second dataset is made that agrees with the first on everything the grant reveals (granted items, masked
 * ones in their masked form, whether a verification key's queried value is there) and differs everywhere else: hidden
 * items, what masks hide, keys, push order. Every question must get the same status and the same answer from both:
 * rows, their order, totals, refusals and their wording.
 * <p>
 * The seed is printed and can be given as {@code -Dgovshare.leaks.seed=…}; {@code -Dgovshare.leaks.cases=…} sets how
 * many grants are tried (each with its pair of datasets and several questions).
 */
class NothingLeaksPastAGrantIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    private static final AtomicInteger GRANTS = new AtomicInteger();
    private static final String CONSUMER = "gaj.zhang";
    private static final String PROVIDER = "mzj.chen";

    @Autowired
    private Masking masking;

    /** One resource's shape: its items and how to draw a value of each. */
    private record Shape(String code, List<DataItem> items, Map<String, Function<Random, Object>> values) {
    }

    /** A question, asked of both datasets: a read, or an error report. */
    private record Question(String describe, Function<Shape, Response> ask) {
    }

    private final Map<String, Integer> seen = new TreeMap<>();

    @Test
    void everyAnswerDependsOnlyOnWhatTheGrantReveals() {
        long seed = Long.getLong("govshare.leaks.seed", System.nanoTime());
        int cases = Integer.getInteger("govshare.leaks.cases", 200);
        System.out.println("NothingLeaksPastAGrantIT seed " + seed + ", " + cases + " grants");
        Random random = new Random(seed);
        List<Shape> shapes = List.of(publish(personKeyed()), publish(numberKeyed()));
        int questions = 0;
        for (int n = 0; n < cases; n++) {
            Shape shape = shapes.get(n % shapes.size());
            questions += oneCase(shape, random, seed, n);
        }
        System.out.println("NothingLeaksPastAGrantIT tried " + cases + " grants, " + questions
                + " questions on pairs of datasets: " + seen);
        // the generator must reach every kind of answer, or the property holds vacuously
        assertThat(seen).containsKeys("200 rows", "200 masked rows", "200 empty", "403 filter-outside-grant",
                "403 filter-on-masked-item", "201 report");
        assertThat(seen.keySet()).anyMatch(k -> k.startsWith("400"));
        // hundreds of refusals of one consumer: past the cap on a fast machine, so the next test starts afresh
        startAFreshRefusalWindow();
    }

    private int oneCase(Shape shape, Random random, long seed, int n) {
        List<Map<String, Object>> first = dataset(shape, random);
        Grant grant = grant(shape, random);
        Reveal reveal = Reveal.of(grant, entry(shape));
        List<Question> questions = new ArrayList<>();
        Map<String, Set<String>> matched = new LinkedHashMap<>();
        int count = 3 + random.nextInt(5);
        for (int q = 0; q < count; q++) {
            questions.add(read(shape, reveal, first, random, matched));
        }
        if (random.nextInt(3) > 0) {
            questions.add(report(shape, reveal, first, random, matched));
        }
        List<Map<String, Object>> second = agreeingOnWhatIsRevealed(shape, reveal, first, matched, random);

        List<Response> answers = answers(shape, first, questions);
        List<Response> again = answers(shape, second, questions);
        for (int q = 0; q < questions.size(); q++) {
            Response a = answers.get(q);
            Response b = again.get(q);
            String where = "seed " + seed + ", case " + n + ", grant " + grant.items() + " unmasked " + grant.unmaskedItems()
                    + " verification keys " + grant.verificationKeys() + ", " + questions.get(q).describe()
                    + "\nfirst dataset:  " + first + "\nsecond dataset: " + second + "\nfirst answer:  " + a.body()
                    + "\nsecond answer: " + b.body();
            assertThat(b.status()).as(where).isEqualTo(a.status());
            assertThat(comparable(b)).as(where).isEqualTo(comparable(a));
            assertThat(a.status()).as(where).isNotEqualTo(500);
            seen.merge(kind(a), 1, Integer::sum);
        }
        jdbc.update("update sharing_grant set status = 'REVOKED' where id = ?", grant.id());
        return questions.size();
    }

    private List<Response> answers(Shape shape, List<Map<String, Object>> dataset, List<Question> questions) {
        jdbc.update("update error_report set status = 'CLOSED' where resource_code = ?", shape.code());
        List<Map<String, Object>> shuffled = new ArrayList<>(dataset);
        Collections.shuffle(shuffled, new Random(dataset.hashCode()));
        Response pushed = api.post(PROVIDER, "/api/data/" + shape.code() + "/records?mode=REPLACE", JSON.valueToTree(shuffled).toString());
        assertThat(pushed.status()).as(pushed.body()).isBetween(200, 201);
        AtomicInteger askedAgain = new AtomicInteger();
        return questions.stream().map(q -> {
            Response answer = q.ask().apply(shape);
            // two answers with records asked again of the same version (within the grant's rate limit): an order kept
            // from the first answer must answer as it did
            if (q.describe().startsWith("GET ") && answer.status() == 200 && askedAgain.incrementAndGet() <= 2) {
                Response again = q.ask().apply(shape);
                assertThat(comparable(again)).as(q.describe() + "\nfirst: " + answer.body() + "\nagain: " + again.body())
                        .isEqualTo(comparable(answer));
            }
            return answer;
        }).toList();
    }

    // ---- the resources ----

    /** Keyed by a personal ID number: every masking kind, a number hidden as text, a date, a boolean, a secret. */
    private static Shape personKeyed() {
        return shape(List.of(
                new DataItem("证件号码", "string", 18, Sensitivity.PERSONAL, true, true, ItemKind.ID_NUMBER),
                new DataItem("姓名", "string", 50, Sensitivity.PERSONAL, null, true, ItemKind.PERSON_NAME),
                new DataItem("手机号码", "string", 11, Sensitivity.PERSONAL, null, null, ItemKind.MOBILE),
                new DataItem("居住地址", "string", 200, Sensitivity.COMMERCIAL_SECRET, null, null, ItemKind.ADDRESS),
                new DataItem("备注", "string", 50, Sensitivity.COMMERCIAL_SECRET, null, null, ItemKind.TEXT),
                new DataItem("救助金额", "decimal", null, Sensitivity.INTERNAL),
                new DataItem("认定日期", "date", null, Sensitivity.PUBLIC),
                new DataItem("家庭人数", "integer", null, Sensitivity.PERSONAL),
                new DataItem("在册", "boolean", null, Sensitivity.INTERNAL),
                new DataItem("核查批次", "string", 20, Sensitivity.STATE_SECRET)));
    }

    /** Keyed by a plain number; names in the clear, amounts and dates secret, an address internal. */
    private static Shape numberKeyed() {
        return shape(List.of(
                new DataItem("编号", "integer", null, Sensitivity.INTERNAL, true, true, null),
                new DataItem("姓名", "string", 50, Sensitivity.PUBLIC, null, true, ItemKind.PERSON_NAME),
                new DataItem("证件号码", "string", 18, Sensitivity.PERSONAL, null, null, ItemKind.ID_NUMBER),
                new DataItem("救助金额", "decimal", null, Sensitivity.PERSONAL),
                new DataItem("认定日期", "date", null, Sensitivity.COMMERCIAL_SECRET),
                new DataItem("居住地址", "string", 200, Sensitivity.INTERNAL, null, null, ItemKind.ADDRESS),
                new DataItem("核查批次", "string", 20, Sensitivity.STATE_SECRET)));
    }

    private static Shape shape(List<DataItem> items) {
        Map<String, Function<Random, Object>> values = new LinkedHashMap<>();
        values.put("证件号码", r -> pick(r, "4101", "4102") + digits(r, 10) + pick(r, "1234", "2345", "3456"));
        values.put("姓名", r -> pick(r, "张", "李", "欧阳") + pick(r, "伟", "娜", "强", "娜娜", "建国"));
        values.put("手机号码", r -> pick(r, "138", "139") + digits(r, 4) + pick(r, "5678", "1111"));
        values.put("居住地址", r -> pick(r, "河南省郑州市金水区", "河南省中牟县", "郑州市") + pick(r, "花园路59号", "城关镇", "大学路1号"));
        values.put("备注", r -> "甲乙丙丁戊".substring(0, 1 + r.nextInt(5)) + pick(r, "", "已核", "待补充材料"));
        values.put("救助金额", r -> new BigDecimal(pick(r, "720", "860.5", "910", "100.25", "1500")));
        values.put("认定日期", r -> LocalDate.of(2026, 1 + r.nextInt(3), 1 + r.nextInt(3)).toString());
        values.put("家庭人数", r -> 1 + r.nextInt(r.nextBoolean() ? 9 : 120));
        values.put("在册", Random::nextBoolean);
        values.put("核查批次", r -> pick(r, "X-1", "X-2", "X-3"));
        values.put("编号", r -> 1 + r.nextInt(40));
        return new Shape(null, items, values);
    }

    private Shape publish(Shape shape) {
        String code = CatalogEntries.nextCode("203002", "102");
        CatalogEntry entry = new CatalogEntry(code, "核查用数据 " + code, "Data for the non-interference property",
                "civil-affairs", "civil-affairs", "最低生活保障 (社会救助暂行办法)", org.govshare.vocabulary.ResourceKind.PROFESSIONAL,
                new CatalogEntry.Classification("2", "03", "002"),
                new CatalogEntry.Format(org.govshare.catalog.FormatCategory.STRUCTURED_TABLE, "table"), shape.items(),
                SharingType.CONDITIONAL, "用于履行法定职责的核查", List.of(new CatalogEntry.SharingCondition(
                        ConditionType.PURPOSE_REQUIRED, "核查")), null, SharingMethod.HOSTED_DATASET, false, null,
                org.govshare.catalog.UpdateCycle.DAILY, null, List.of(), null, null);
        CatalogEntries.publish(api, PROVIDER, entry);
        return new Shape(code, shape.items(), shape.values());
    }

    private static CatalogEntry entry(Shape shape) {
        return new CatalogEntry(shape.code(), null, null, null, null, null, null, null, null, shape.items(), null, null,
                List.of(), null, SharingMethod.HOSTED_DATASET, false, null, null, null, List.of(), null, null);
    }

    // ---- random datasets and grants ----

    private static List<Map<String, Object>> dataset(Shape shape, Random random) {
        int size = 1 + random.nextInt(8);
        List<Map<String, Object>> records = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        while (records.size() < size) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (DataItem item : shape.items()) {
                if (item.isRequired() || random.nextInt(6) > 0) {
                    record.put(item.name(), shape.values().get(item.name()).apply(random));
                }
            }
            if (keys.add(record.get(keyOf(shape)))) {
                records.add(record);
            }
        }
        return records;
    }

    private Grant grant(Shape shape, Random random) {
        List<String> items = new ArrayList<>();
        for (DataItem item : shape.items()) {
            if (random.nextInt(3) > 0) {
                items.add(item.name());
            }
        }
        if (items.isEmpty()) {
            items.add(shape.items().get(1).name());
        }
        List<String> unmasked = new ArrayList<>();
        List<String> verificationKeys = new ArrayList<>();
        for (DataItem item : shape.items()) {
            if (items.contains(item.name()) && item.sensitivity().masked()) {
                switch (random.nextInt(3)) {
                    case 0 -> unmasked.add(item.name());
                    case 1 -> verificationKeys.add(item.name());
                    default -> { }
                }
            }
        }
        String id = "PT-" + GRANTS.incrementAndGet();
        String purpose = "核查 property case " + id;
        jdbc.update("""
                insert into sharing_grant (id, consumer_department, provider_department, resource_code, resource_name, items,
                    purpose, duty, conditions, officials, systems, valid_from, valid_until, source_type, source_id, issued_at,
                    status, unmasked_items, verification_keys)
                values (?, 'public-security', 'civil-affairs', ?, 'property', ?, ?, '职责', '', ?, '[]', ?, ?, 'sharing-request',
                    ?, ?, 'ACTIVE', ?, ?)""", id, shape.code(), json(items), purpose, json(List.of(CONSUMER)), TODAY,
                TODAY.plusDays(30), id, Timestamp.from(Instant.now()), json(unmasked), json(verificationKeys));
        return new Grant(id, "public-security", "civil-affairs", shape.code(), "property", items, purpose, "职责", "",
                List.of(CONSUMER), List.of(), TODAY, TODAY.plusDays(30), "sharing-request", id, Instant.now(),
                Grant.Status.ACTIVE, null, null, null, unmasked, verificationKeys, null, null);
    }

    /**
     * The second dataset: record for record the same as the grant shows it, with everything else drawn anew: hidden
     * items, what a mask hides (kept only where a verification key's queried value depends on it), and the key when
     * the grant does not show it.
     */
    private List<Map<String, Object>> agreeingOnWhatIsRevealed(Shape shape, Reveal reveal, List<Map<String, Object>> first,
                                                               Map<String, Set<String>> matched, Random random) {
        List<Map<String, Object>> second = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        for (Map<String, Object> record : first) {
            for (int attempt = 0; ; attempt++) {
                Map<String, Object> other = new LinkedHashMap<>();
                for (DataItem item : shape.items()) {
                    Object value = record.get(item.name());
                    Object drawn = switch (reveal.level(item.name())) {
                        case CLEAR -> value;
                        case HIDDEN -> item.isRequired() || random.nextInt(5) > 0
                                ? shape.values().get(item.name()).apply(random) : null;
                        case MASKED, VERIFIABLE -> sameMask(shape, item, value, matched.get(item.name()), random);
                    };
                    if (drawn != null) {
                        other.put(item.name(), drawn);
                    }
                }
                Object key = other.get(keyOf(shape));
                if (keys.add(key)) {
                    second.add(other);
                    break;
                }
                if (attempt > 50) {
                    second.add(record);
                    keys.add(record.get(keyOf(shape)));
                    break;
                }
            }
        }
        return second;
    }

    /** Another value with the same mask, equal to a queried verification value exactly when the first one was. */
    private Object sameMask(Shape shape, DataItem item, Object value, Set<String> queried, Random random) {
        if (value == null) {
            return null;
        }
        Object mask = masking.mask(item, value);
        boolean wasQueried = queried != null && queried.contains(value.toString());
        if (wasQueried) {
            return value;
        }
        for (int attempt = 0; attempt < 300; attempt++) {
            Object candidate = shape.values().get(item.name()).apply(random);
            if (mask.equals(masking.mask(item, candidate)) && (queried == null || !queried.contains(candidate.toString()))) {
                return candidate;
            }
        }
        return value;
    }

    // ---- random questions ----

    private Question read(Shape shape, Reveal reveal, List<Map<String, Object>> first, Random random,
                          Map<String, Set<String>> matched) {
        StringBuilder query = new StringBuilder("?purpose=" + q(reveal.grant().purpose()));
        if (random.nextInt(4) == 0) {
            query.append("&items=").append(q(String.join(",", someItems(shape, random))));
        }
        int filters = random.nextInt(3);
        for (int f = 0; f < filters; f++) {
            DataItem item = anyItem(shape, reveal, random);
            Object value = valueOf(shape, item, first, random);
            if (random.nextInt(5) < 3) {
                String text = value == null ? "" : value.toString();
                query.append('&').append(q(item.name())).append('=').append(q(text));
                matched.computeIfAbsent(item.name(), i -> new HashSet<>()).add(text);
            } else {
                String end = random.nextBoolean() ? ".from" : ".to";
                query.append('&').append(q(item.name() + end)).append('=').append(q(String.valueOf(value)));
            }
        }
        if (random.nextInt(3) == 0) {
            query.append("&sort=").append(random.nextBoolean() ? "-" : "").append(q(anyItem(shape, reveal, random).name()));
        }
        query.append("&page=").append(random.nextInt(3) == 0 ? 1 : 0).append("&size=").append(1 + random.nextInt(5));
        String path = "/api/data/" + shape.code() + query;
        return new Question("GET " + path, s -> api.get(CONSUMER, path));
    }

    private Question report(Shape shape, Reveal reveal, List<Map<String, Object>> first, Random random,
                            Map<String, Set<String>> matched) {
        ObjectNode keyValues = JSON.createObjectNode();
        Map<String, Object> record = first.get(random.nextInt(first.size()));
        int named = 1 + random.nextInt(2);
        for (int i = 0; i < named; i++) {
            DataItem item = anyItem(shape, reveal, random);
            Object value = random.nextInt(4) == 0 ? shape.values().get(item.name()).apply(random) : record.get(item.name());
            String text = value == null ? "" : value.toString();
            keyValues.put(item.name(), text);
            matched.computeIfAbsent(item.name(), k -> new HashSet<>()).add(text);
        }
        String item = anyItem(shape, reveal, random).name();
        String body = JSON.createObjectNode().put("resourceCode", shape.code()).<ObjectNode>set("keyValues", keyValues)
                .put("item", item).put("problem", "有误 wrong").toString();
        return new Question("report " + body, s -> api.postJsonAndFile(CONSUMER, "/api/corrections", "report", body,
                "evidence", "e.png", "image/png", PNG));
    }

    /** Mostly items the grant shows, so that questions get past the checks and reach the data often enough. */
    private static DataItem anyItem(Shape shape, Reveal reveal, Random random) {
        List<DataItem> shown = shape.items().stream().filter(i -> reveal.level(i.name()) != Reveal.Level.HIDDEN).toList();
        return !shown.isEmpty() && random.nextInt(4) > 0 ? shown.get(random.nextInt(shown.size()))
                : shape.items().get(random.nextInt(shape.items().size()));
    }

    private static Object valueOf(Shape shape, DataItem item, List<Map<String, Object>> first, Random random) {
        return random.nextInt(3) > 0 ? first.get(random.nextInt(first.size())).get(item.name())
                : shape.values().get(item.name()).apply(random);
    }

    private static List<String> someItems(Shape shape, Random random) {
        List<String> items = new ArrayList<>();
        shape.items().forEach(i -> {
            if (random.nextBoolean()) {
                items.add(i.name());
            }
        });
        return items.isEmpty() ? List.of(shape.items().get(0).name()) : items;
    }

    // ---- comparing answers ----

    /** The answer without what differs by design between two pushes and two calls: ids, versions, times. */
    private static JsonNode comparable(Response response) {
        JsonNode json = response.body().isBlank() ? JSON.nullNode() : response.json();
        if (json instanceof ObjectNode object) {
            object.remove(List.of("correlationId", "instance", "dataVersion", "dataAsOf", "id", "processInstanceId",
                    "reportedAt", "dataVersion", "evidence", "timestamp"));
        }
        return json;
    }

    private static String kind(Response response) {
        if (response.status() == 200) {
            JsonNode records = response.json().path("records");
            if (records.isEmpty()) {
                return "200 empty";
            }
            return response.json().path("masked").isEmpty() ? "200 rows" : "200 masked rows";
        }
        if (response.status() == 201) {
            return "201 report";
        }
        return response.status() + " " + String.join(",", response.json().path("errors").findValuesAsText("rule"));
    }

    private static String keyOf(Shape shape) {
        return shape.items().stream().filter(DataItem::isKey).findFirst().orElseThrow().name();
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
