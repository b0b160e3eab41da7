package com.fastlightchat.kernel.envelope;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecPayloadConsistencyTest {

    private static final ChatOpened OPENED = new ChatOpened(new OrganizationId("org_1"), new ChatId("ch_1"),
            new EnvironmentId("env_1"), new UserId("usr_1"), Actor.user("usr_1"));

    private static String encoded() {
        return EventCodec.encodeToString(EventEnvelope.of("e-1", 1, Instant.parse("2026-01-01T00:00:00Z"), null, null, OPENED));
    }

    @Test
    void givenActor_whenRoundTripped_thenKeptAndOmittedWhenAbsent() {
        var envelope = EventEnvelope.of("e-1", 1, Instant.parse("2026-01-01T00:00:00Z"), null, null, OPENED);
        assertThat(EventCodec.decode(EventCodec.encode(envelope.withActor("agent:ag_7"))).actor()).isEqualTo("agent:ag_7");
        assertThat(EventCodec.encodeToString(envelope)).doesNotContain("actor");
        assertThat(EventCodec.decode(EventCodec.encode(envelope)).actor()).isNull();
    }

    @Test
    void givenPayloadWithoutItsAggregateId_whenDecoding_thenMalformed() {
        String json = encoded().replace("\"chatId\":\"ch_1\",", "");
        assertThat(json).doesNotContain("\"chatId\"");
        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("lacks its aggregate or organization id");
    }

    @Test
    void givenPayloadOfAnotherAggregateThanEnvelope_whenDecoding_thenMalformed() {
        String json = encoded().replace("\"aggregateId\":\"ch_1\"", "\"aggregateId\":\"ch_2\"");
        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("names another aggregate");
    }

    @Test
    void givenPayloadOfAnotherTenantThanEnvelope_whenDecoding_thenMalformed() {
        String json = encoded().replace("\"organizationId\":\"org_1\",\"occurredAt\"", "\"organizationId\":\"org_9\",\"occurredAt\"");
        assertThat(json).contains("org_9");
        assertThatThrownBy(() -> EventCodec.decode(json)).isInstanceOf(MalformedEventException.class);
    }
}
