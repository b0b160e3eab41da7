package com.fastlightchat.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class UnavailabilityTest {

    @Test
    void givenPoolTimeoutDeepInTheCauses_whenClassified_thenUnavailable() {
        var poolTimeout = new SQLTransientConnectionException("pool - Connection is not available, request timed out");
        var wrapped = new IllegalStateException("command failed", new CannotCreateTransactionException("no tx", poolTimeout));

        assertThat(Unavailability.causedBy(wrapped)).isTrue();
    }

    @Test
    void givenConnectionStates_whenClassified_thenUnavailable() {
        assertThat(Unavailability.causedBy(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(Unavailability.causedBy(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(Unavailability.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(Unavailability.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(Unavailability.causedBy(new SQLException("too many clients", "53300"))).isTrue();
        assertThat(Unavailability.causedBy(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(Unavailability.causedBy(new DataAccessResourceFailureException("Redis down"))).isTrue();
    }

    @Test
    void givenStatementFailuresAndBugs_whenClassified_thenNotUnavailable() {
        assertThat(Unavailability.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Unavailability.causedBy(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(Unavailability.causedBy(new SQLException("no state"))).isFalse();
        assertThat(Unavailability.causedBy(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void givenUnreachableStore_whenAnswered_then503ProblemWithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = ProblemResponses.forUnexpected(
                new IllegalStateException("command failed", new SQLException("Connection refused", "08001")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(answer.getBody().getType().toString()).isEqualTo(ProblemResponses.TYPE_BASE + "unavailable");
    }

    @Test
    void givenBug_whenAnswered_then500WithoutRetryAfter() {
        ResponseEntity<ProblemDetail> answer = ProblemResponses.forUnexpected(new IllegalStateException("a bug"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }
}
