package com.fastlightchat.command.platform;

import com.fastlightchat.web.Rejection;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static com.fastlightchat.command.platform.ConflictRetries.ConflictRetryScheduler.shouldRetry;
import static org.assertj.core.api.Assertions.assertThat;

class ConflictRetriesTest {

    @Test
    void givenConcurrencyConflict_whenDeciding_thenRetried() {
        assertThat(shouldRetry(new ConcurrencyException("sequence 3 taken"), 1)).isTrue();
    }

    @Test
    void givenConflictWrappedInAnotherException_whenDeciding_thenRetried() {
        assertThat(shouldRetry(new IllegalStateException("commit failed", new ConcurrencyException("taken")), 1)).isTrue();
    }

    @Test
    void givenRejection_whenDeciding_thenNotRetried() {
        assertThat(shouldRetry(Rejection.invalid("text", "must not be blank"), 1)).isFalse();
    }

    @Test
    void givenTooManyConflicts_whenDeciding_thenGivesUp() {
        assertThat(shouldRetry(new ConcurrencyException("taken"), ConflictRetries.MAX_RETRIES + 1)).isFalse();
    }
}
