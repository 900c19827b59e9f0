package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.govshare.catalog.CatalogEntries;
import org.govshare.platform.CsvReader;
import org.junit.jupiter.api.Test;

/** The per-type checks of pushed and filtered values, the record checks built on them, and the streaming CSV reader. */
class DatasetValuesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void integersAreDigitsOptionallySignedAndNormalised() {
        assertThat(ItemType.INTEGER.parse("007", SHANGHAI).stored()).isEqualTo(BigInteger.valueOf(7));
        assertThat(ItemType.INTEGER.parse("-12", SHANGHAI).text()).isEqualTo("-12");
        assertThat(ItemType.INTEGER.parse(BigInteger.TEN, SHANGHAI).number()).isEqualByComparingTo("10");
        for (String bad : List.of("1.5", "12a", "1e3", " 3", "1".repeat(23))) {
            assertThatThrownBy(() -> ItemType.INTEGER.parse(bad, SHANGHAI)).as(bad).isInstanceOf(ItemType.BadValue.class);
        }
    }

    @Test
    void decimalsAreNumbersWithTheirTrailingZerosDropped() {
        assertThat(ItemType.DECIMAL.parse("1234.500", SHANGHAI).text()).isEqualTo("1234.5");
        assertThat(ItemType.DECIMAL.parse("1e3", SHANGHAI).text()).isEqualTo("1000");
        assertThat(ItemType.DECIMAL.parse(new BigDecimal("0.25"), SHANGHAI).number()).isEqualByComparingTo("0.25");
        for (String bad : List.of("1,5", "abc", "1.2.3", "NaN", "")) {
            assertThatThrownBy(() -> ItemType.DECIMAL.parse(bad, SHANGHAI)).as(bad).isInstanceOf(ItemType.BadValue.class);
        }
    }

    @Test
    void datesAreIsoCalendarDays() {
        assertThat(ItemType.DATE.parse("2024-02-29", SHANGHAI).time()).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        for (String bad : List.of("2023-02-29", "2024-13-01", "2024/01/01", "20240101", "2024-1-1")) {
            assertThatThrownBy(() -> ItemType.DATE.parse(bad, SHANGHAI)).as(bad).isInstanceOf(ItemType.BadValue.class)
                    .hasMessageContaining("YYYY-MM-DD");
        }
    }

    @Test
    void dateTimesWithoutAnOffsetAreInTheConfiguredZone() {
        assertThat(ItemType.DATETIME.parse("2026-03-01T09:30:00+08:00", SHANGHAI).time())
                .isEqualTo(Instant.parse("2026-03-01T01:30:00Z"));
        assertThat(ItemType.DATETIME.parse("2026-03-01T01:30:00Z", SHANGHAI).time())
                .isEqualTo(Instant.parse("2026-03-01T01:30:00Z"));
        assertThat(ItemType.DATETIME.parse("2026-03-01T09:30", SHANGHAI).time())
                .isEqualTo(Instant.parse("2026-03-01T01:30:00Z"));
        for (String bad : List.of("2026-03-01", "2026-03-01 09:30:00", "09:30", "2026-03-01T25:00:00")) {
            assertThatThrownBy(() -> ItemType.DATETIME.parse(bad, SHANGHAI)).as(bad).isInstanceOf(ItemType.BadValue.class);
        }
    }

    @Test
    void booleansAreTrueOrFalse() {
        assertThat(ItemType.BOOLEAN.parse("TRUE", SHANGHAI).stored()).isEqualTo(true);
        assertThat(ItemType.BOOLEAN.parse(Boolean.FALSE, SHANGHAI).text()).isEqualTo("false");
        for (String bad : List.of("yes", "1", "t")) {
            assertThatThrownBy(() -> ItemType.BOOLEAN.parse(bad, SHANGHAI)).as(bad).isInstanceOf(ItemType.BadValue.class);
        }
    }

    @Test
    void unknownTypeWordsAreStrings() {
        assertThat(ItemType.of("varchar")).isEqualTo(ItemType.STRING);
        assertThat(ItemType.of("Date")).isEqualTo(ItemType.DATE);
        assertThat(ItemType.of(null)).isEqualTo(ItemType.STRING);
    }

    @Test
    void aRecordIsCheckedForLengthInCharactersRequiredItemsAndTypes() {
        RecordSchema schema = new RecordSchema(CatalogEntries.organisationRegister("203001/102999"), SHANGHAI, new ObjectMapper());
        PushErrors errors = new PushErrors(10);
        // 组织名称 holds at most 20 characters: 20 Chinese characters fit although they are 60 bytes
        Object[] good = {"91410100MA40000001", "郑".repeat(20), null, "2020-01-02", "12.50", "30", null, "true"};
        RecordSchema.CheckedRecord record = schema.check(new PushedRecords.Raw(1, good, false), errors);
        assertThat(errors.any()).isFalse();
        assertThat(record.key()).isEqualTo("91410100MA40000001");
        assertThat(record.content()).startsWith("{\"统一社会信用代码\":\"91410100MA40000001\"").contains("\"注册资金\":12.5")
                .doesNotContain("法定代表人");
        assertThat(record.hash()).hasSize(64);
        assertThat(record.indexed()).extracting(RecordSchema.IndexedValue::item).containsExactly("成立日期", "注册资金", "会员数", "是否有效");

        Object[] bad = {"", "郑".repeat(21), null, "2020-13-01", "x", "1.5", "yesterday", "maybe"};
        assertThat(schema.check(new PushedRecords.Raw(7, bad, false), errors)).isNull();
        assertThat(errors.refusal().errors()).extracting(e -> e.field() + ":" + e.rule()).containsExactly(
                "统一社会信用代码:required", "组织名称:length", "成立日期:type", "注册资金:type", "会员数:type", "年检时间:type",
                "是否有效:type");
        assertThat(errors.refusal().errors()).allSatisfy(e -> assertThat(((RowError) e).row()).isEqualTo(7));
    }

    @Test
    void theErrorListIsCutButEveryErrorIsCounted() {
        PushErrors errors = new PushErrors(2);
        for (int row = 1; row <= 5; row++) {
            errors.add(row, "body", "type", "bad");
        }
        assertThat(errors.refusal().errors()).hasSize(2);
        assertThat(errors.refusal().properties()).containsEntry("errorCount", 5L);
        assertThat(errors.refusal().getMessage()).contains("5 errors", "first 2 are listed", "nothing was written");
    }

    @Test
    void theCsvReaderStreamsRecordsAndKnowsTheirLines() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("\uFEFFa,b\r\n\"x, \"\"quoted\"\"\",\"two\nlines\"\n3,\n"));
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (List<String> r = csv.next(); r != null; r = csv.next()) {
            records.add(r);
            lines.add(csv.line());
        }
        assertThat(records).containsExactly(List.of("a", "b"), List.of("x, \"quoted\"", "two\nlines"), List.of("3", ""));
        assertThat(lines).containsExactly(1L, 2L, 4L);
        CsvReader unclosed = new CsvReader(new StringReader("a\n\"open\nb"));
        assertThat(unclosed.next()).containsExactly("a");
        assertThatThrownBy(unclosed::next).isInstanceOf(CsvReader.UnclosedQuoteException.class).hasMessageContaining("line 2");
    }
}
