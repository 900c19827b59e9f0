package org.govshare.cases;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
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
 * <p>The counter of a prefix and year is a PostgreSQL sequence ({@code case_number_gx_2026}). Drawing from it takes
 * no lock and is never rolled back, so a number costs one round trip inside the case's own transaction, and a case
 * that rolls back leaves a gap, never a duplicate, on any number of nodes. A sequence is made the first time its
 * year is drawn from, in a short transaction of its own, and starts after the last number of the table that
 * counted before it ({@code case_number}, V6).
 */
@Component
public class CaseNumbers {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Pattern PREFIX = Pattern.compile("[A-Z]{2,8}");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Set<String> made = ConcurrentHashMap.newKeySet();

    CaseNumbers(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next number under a prefix, e.g. {@code next("GX")}. */
    public String next(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a case number prefix is 2 to 8 capital letters, not " + prefix);
        }
        int year = clock.instant().atZone(BEIJING).getYear();
        String sequence = "case_number_" + prefix.toLowerCase(Locale.ROOT) + "_" + year;
        if (!made.contains(sequence)) {
            make(sequence, prefix, year);
            made.add(sequence);
        }
        Long number = jdbc.queryForObject("select nextval('" + sequence + "')", Long.class);
        return "%s-%d-%06d".formatted(prefix, year, number);
    }

    /** Makes the year's sequence if no node has, and moves it past any number the old counter gave. */
    private void make(String sequence, String prefix, int year) {
        for (int attempt = 0; ; attempt++) {
            try {
                ownTransaction.executeWithoutResult(s -> {
                    jdbc.execute("create sequence if not exists " + sequence);
                    Long counted = jdbc.queryForObject("select coalesce(max(last), 0) from case_number where prefix = ? and yr = ?",
                            Long.class, prefix, year);
                    Long drawn = jdbc.queryForObject("select case when is_called then last_value else last_value - 1 end from "
                            + sequence, Long.class);
                    if (counted != null && drawn != null && counted > drawn) {
                        jdbc.queryForObject("select setval('" + sequence + "', ?)", Long.class, counted);
                    }
                });
                return;
            } catch (DataIntegrityViolationException anotherNodeMadeItAtOnce) {
                // two nodes' "if not exists" raced in the catalog: the other's sequence serves us; look again
                if (attempt > 2) {
                    throw anotherNodeMadeItAtOnce;
                }
            }
        }
    }
}
