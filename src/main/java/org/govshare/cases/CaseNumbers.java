package org.govshare.cases;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable case numbers that officials can say on the phone: {@code GX-2026-000123} (prefix, year in Beijing
 * time, a counter per prefix and year). They are the business keys of processes, so Tasklist and Cockpit show
 * which case a task belongs to.
 *
 * <p>Each number is drawn in a short transaction of its own, so the counter's row lock is not held while the case
 * itself is written; a case that rolls back leaves a gap, never a duplicate.
 */
@Component
public class CaseNumbers {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    CaseNumbers(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next number under a prefix, e.g. {@code next("GX")}. */
    public String next(String prefix) {
        int year = clock.instant().atZone(BEIJING).getYear();
        Long number = advance(prefix, year);
        if (number == null) {
            try {
                ownTransaction.executeWithoutResult(s ->
                        jdbc.update("insert into case_number (prefix, yr, last) values (?, ?, 0)", prefix, year));
            } catch (DuplicateKeyException anotherStartedTheYear) {
                // someone else drew the year's first number at the same moment: their row serves us too
            }
            number = advance(prefix, year);
        }
        return "%s-%d-%06d".formatted(prefix, year, number);
    }

    private Long advance(String prefix, int year) {
        return ownTransaction.execute(s -> jdbc.update("update case_number set last = last + 1 where prefix = ? and yr = ?",
                prefix, year) == 0 ? null
                : jdbc.queryForObject("select last from case_number where prefix = ? and yr = ?", Long.class, prefix, year));
    }
}
