package org.govshare.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Case numbers drawn from a sequence per prefix and year, on real PostgreSQL. */
class CaseNumbersIT extends IntegrationTest {

    @Autowired
    CaseNumbers numbers;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    private int year;

    @BeforeEach
    void theYearInBeijing() {
        year = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).getYear();
    }

    @Test
    void aYearsFirstNumberComesAfterTheLastTheOldCounterGave() {
        jdbc.update("insert into case_number (prefix, yr, last) values ('TQA', ?, 41)", year);
        assertThat(numbers.next("TQA")).isEqualTo("TQA-%d-000042".formatted(year));
        assertThat(numbers.next("TQA")).isEqualTo("TQA-%d-000043".formatted(year));
    }

    @Test
    void concurrentDrawsNeverRepeatANumber() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> drawn = ConcurrentHashMap.newKeySet();
        List<Future<?>> draws = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            draws.add(pool.submit(() -> drawn.add(numbers.next("TQB"))));
        }
        for (Future<?> draw : draws) {
            draw.get();
        }
        pool.shutdown();
        assertThat(drawn).hasSize(400).contains("TQB-%d-000001".formatted(year), "TQB-%d-000400".formatted(year));
    }

    @Test
    void aCaseThatRollsBackLeavesAGapNotADuplicate() {
        String before = numbers.next("TQC");
        String[] rolledBack = new String[1];
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            rolledBack[0] = numbers.next("TQC");
            throw new IllegalStateException("the case is refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(List.of(before, rolledBack[0], numbers.next("TQC"))).doesNotHaveDuplicates()
                .containsExactly("TQC-%d-000001".formatted(year), "TQC-%d-000002".formatted(year),
                        "TQC-%d-000003".formatted(year));
    }

    @Test
    void aPrefixIsCapitalLettersOnly() {
        assertThatThrownBy(() -> numbers.next("gx'); drop table grant_record; --"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capital letters");
    }
}
