package org.govshare.platform.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL is down or restarting, a call fails on a connection the pool cannot make or lost; the caller is
 * told so with a 503 problem ({@code database-unavailable}, Retry-After), not a 500 or a 401, and the transaction
 * that failed rolled back whole, so nothing is half written. The pool reconnects by itself once the server is back
 * (docs/operations.md). This filter answers what reaches it as an exception; the engine REST API and the login check
 * ask {@link #causedBy} themselves.
 */
@Component
// inside the refusal audit (+10), which then sees the 503 it answers, and outside the failed-login count (+15)
@Order(Ordered.HIGHEST_PRECEDENCE + 12)
public class DatabaseOutage extends OncePerRequestFilter {

    static final String RULE = "database-unavailable";
    static final String DETAIL = "the platform's database cannot be reached just now; nothing of this call was stored."
            + " Try again in a few seconds";
    private static final String RETRY_AFTER_SECONDS = "5";

    private final Problems problems;

    DatabaseOutage(Problems problems) {
        this.problems = problems;
    }

    /** Whether a failure comes from a database that cannot be reached: no connection, or one the server dropped. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    // a commit or rollback that failed on its connection (the pool's closed connection says so
                    // without an SQL state)
                    || cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException
                    // SQL states of class 08 (connection exception) and 57P (operator intervention: shutdown)
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Answers the outage as a 503 problem, if nothing of the answer has gone out yet. */
    public static void answer(Problems problems, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, RULE, DETAIL);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failed) {
            if (!causedBy(failed) || response.isCommitted()) {
                throw failed;
            }
            response.reset();
            answer(problems, request, response);
        }
    }
}
