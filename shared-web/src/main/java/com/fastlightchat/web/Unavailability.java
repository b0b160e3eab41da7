package com.fastlightchat.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure that means "a store this service needs cannot be reached right now" (the database is down,
 * restarting, refusing connections, or no pooled connection came in time) from a bug. Such a request did nothing
 * — its transaction never began or was rolled back — and the same request will succeed once the store is back, so
 * it is answered 503 with {@code Retry-After}, never 500.
 */
public final class Unavailability {

    /** What a 503 answer tells the caller to wait before retrying, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private Unavailability() {
    }

    /** True when {@code failure} or any of its causes says a store is unreachable. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (unreachable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable failure) {
        return switch (failure) {
            case SQLTransientConnectionException e -> true; // e.g. Hikari: no connection within its timeout
            case SQLNonTransientConnectionException e -> true;
            case SQLException e -> connectionState(e.getSQLState());
            case DataAccessResourceFailureException e -> true; // Spring's translation, JDBC, Mongo and Redis alike
            case TransientDataAccessResourceException e -> true;
            case CannotCreateTransactionException e -> true; // no connection to begin a transaction on
            case ConnectException e -> true;
            default -> false;
        };
    }

    /**
     * SQLSTATE classes that mean the connection, not the statement, failed: 08 (connection exception), 57P01–57P03
     * (the server shuts down, crashed, or cannot accept connections yet) and 53300 (too many connections).
     */
    static boolean connectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0")
                || sqlState.equals("53300"));
    }
}
