package com.fastlightchat.kernel.envelope;

import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.EventSamples;
import com.fastlightchat.kernel.event.EventTypes;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationRenamed;
import com.fastlightchat.kernel.id.InvalidIdException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class EventCodecTest {

    /** A plain mapper, independent of the codec under test, to build and inspect JSON. */
    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final String EVENT_ID = "8c0f7a52-3e1b-4d9a-b6c4-2f5e8a1d7b93";
    private static final Instant OCCURRED_AT = Instant.parse("2025-04-22T16:44:09.127Z");

    private static MessagePosted messagePosted() {
        return (MessagePosted) EventSamples.forType(new EventTypes.Key("chat.message-posted", 1));
    }

    private static EventEnvelope envelope(DomainEvent event) {
        return EventEnvelope.of(EVENT_ID, 4, OCCURRED_AT, "cause-1", "correlation-1", event);
    }

    /** A valid encoded envelope as a mutable tree, for tests that break one thing in it. */
    private static ObjectNode validTree() {
        return (ObjectNode) PLAIN.readTree(EventCodec.encodeToString(envelope(messagePosted())));
    }

    private static ObjectNode payloadOf(ObjectNode tree) {
        return (ObjectNode) tree.get("payload");
    }

    // --- unknown types ---------------------------------------------------------------------------------------------

    @Test
    void givenUnregisteredTypeName_whenDecoding_thenUnknownEventTypeException() {
        ObjectNode tree = validTree();
        tree.put("type", "chat.reaction-added");

        assertThatThrownBy(() -> EventCodec.decode(tree.toString()))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("chat.reaction-added")
                .hasMessageContaining("v1");
    }

    @Test
    void givenKnownTypeWithNewerVersion_whenDecoding_thenUnknownEventTypeException() {
        ObjectNode tree = validTree();
        tree.put("version", 2);

        assertThatThrownBy(() -> EventCodec.decode(tree.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("chat.message-posted")
                .hasMessageContaining("v2");
    }

    // --- malformed input -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"type\": ", "not json", "[]", "42", "\"chat.opened\"", "null",
            "{\"type\":\"chat.opened\"} trailing"})
    void givenInputThatIsNotAnEnvelopeObject_whenDecoding_thenMalformedEventException(String json) {
        assertMalformed(() -> EventCodec.decode(json));
        assertMalformed(() -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "type", "version", "aggregateType", "aggregateId", "sequence",
            "organizationId", "occurredAt", "payload"})
    void givenEnvelopeWithoutRequiredField_whenDecoding_thenMalformedEventExceptionNamesTheField(String field) {
        ObjectNode absent = validTree();
        absent.remove(field);
        ObjectNode explicitNull = validTree();
        explicitNull.putNull(field);

        assertMalformed(() -> EventCodec.decode(absent.toString())).hasMessageContaining("'" + field + "'");
        assertMalformed(() -> EventCodec.decode(explicitNull.toString())).hasMessageContaining("'" + field + "'");
    }

    @Test
    void givenEnvelopeWithoutCausationAndCorrelation_whenDecoding_thenTheyAreNull() {
        ObjectNode tree = validTree();
        tree.remove("causationId");
        tree.putNull("correlationId");

        EventEnvelope decoded = EventCodec.decode(tree.toString());

        assertThat(decoded.causationId()).isNull();
        assertThat(decoded.correlationId()).isNull();
        assertThat(decoded.payload()).isEqualTo(messagePosted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-04-22", "2025-04-22 16:44:09", "1745340249127"})
    void givenOccurredAtThatIsNotAnIsoInstant_whenDecoding_thenMalformedEventException(String occurredAt) {
        ObjectNode tree = validTree();
        tree.put("occurredAt", occurredAt);

        assertMalformed(() -> EventCodec.decode(tree.toString())).hasMessageContaining("occurredAt");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void givenSequenceBelowOne_whenDecoding_thenMalformedEventException(long sequence) {
        ObjectNode tree = validTree();
        tree.put("sequence", sequence);

        assertMalformed(() -> EventCodec.decode(tree.toString())).hasMessageContaining("sequence");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chatId", "userId", "messageId", "clientMessageId", "organizationId"})
    void givenInvalidIdInsidePayload_whenDecoding_thenMalformedEventExceptionCausedByInvalidIdNamingTheField(
            String field) {
        ObjectNode tree = validTree();
        payloadOf(tree).put(field, "not a valid id!");

        Throwable thrown = catchThrowable(() -> EventCodec.decode(tree.toString()));

        assertThat(thrown).isExactlyInstanceOf(MalformedEventException.class)
                .hasMessageContaining("chat.message-posted")
                .hasRootCauseInstanceOf(InvalidIdException.class);
        assertThat(rootCause(thrown)).isInstanceOfSatisfying(InvalidIdException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId={}", "sequence=\"four\"", "version=[1]", "occurredAt=[]", "type={}",
            "organizationId=[\"org_1\"]"})
    void givenEnvelopeFieldOfWrongJsonType_whenDecoding_thenMalformedEventException(String replacement) {
        String[] parts = replacement.split("=", 2);
        ObjectNode tree = validTree();
        tree.set(parts[0], PLAIN.readTree(parts[1]));

        assertThatThrownBy(() -> EventCodec.decode(tree.toString())).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void givenIdWrittenAsObjectInsteadOfString_whenDecoding_thenMalformedEventException() {
        ObjectNode tree = validTree();
        payloadOf(tree).putObject("chatId").put("value", EventSamples.CHAT.value());

        assertMalformed(() -> EventCodec.decode(tree.toString()));
    }

    @Test
    void givenUnknownEnumValueInPayload_whenDecoding_thenMalformedEventException() {
        ObjectNode tree = validTree();
        payloadOf(tree).put("visibility", "SECRET");

        assertMalformed(() -> EventCodec.decode(tree.toString()));
    }

    @Test
    void givenPayloadThatIsNotAnObject_whenDecoding_thenMalformedEventException() {
        ObjectNode tree = validTree();
        tree.put("payload", "chat.message-posted");

        assertMalformed(() -> EventCodec.decode(tree.toString()));
    }

    // --- wire format -----------------------------------------------------------------------------------------------

    @Test
    void givenEventWithTypedIds_whenEncoded_thenEveryIdIsAPlainString() {
        MessagePosted event = messagePosted();

        JsonNode json = PLAIN.readTree(EventCodec.encode(envelope(event)));
        JsonNode payload = json.get("payload");

        Map<String, String> expected = Map.of(
                "organizationId", event.organizationId().value(),
                "chatId", event.chatId().value(),
                "userId", event.userId().value(),
                "messageId", event.messageId().value(),
                "clientMessageId", event.clientMessageId().value());
        expected.forEach((field, value) -> {
            assertThat(payload.get(field).isString()).as(field + " is a JSON string").isTrue();
            assertThat(payload.get(field).asString()).as(field).isEqualTo(value);
        });
        assertThat(json.get("aggregateId").asString()).isEqualTo(event.chatId().value());
        assertThat(json.get("organizationId").asString()).isEqualTo(event.organizationId().value());
    }

    @Test
    void givenEvent_whenRenderedAsPayloadTree_thenIdsArePlainStringsAndShapeMatchesEnvelopePayload() {
        MessagePosted event = messagePosted();

        JsonNode tree = EventCodec.payloadTree(event);

        assertThat(tree.get("chatId").isString()).isTrue();
        assertThat(tree.get("chatId").asString()).isEqualTo(event.chatId().value());
        assertThat(PLAIN.readTree(tree.toString()))
                .isEqualTo(PLAIN.readTree(EventCodec.encodeToString(envelope(event))).get("payload"));
    }

    @Test
    void givenInstantWithNanoseconds_whenEncoded_thenOccurredAtIsIso8601StringAndSurvivesDecoding() {
        Instant precise = Instant.parse("2025-04-22T16:44:09.123456789Z");
        EventEnvelope original = EventEnvelope.of(EVENT_ID, 1, precise, null, null, messagePosted());

        JsonNode json = PLAIN.readTree(EventCodec.encodeToString(original));

        assertThat(json.get("occurredAt").isString()).isTrue();
        assertThat(json.get("occurredAt").asString()).isEqualTo("2025-04-22T16:44:09.123456789Z");
        assertThat(Instant.from(DateTimeFormatter.ISO_INSTANT.parse(json.get("occurredAt").asString())))
                .isEqualTo(precise);
        assertThat(EventCodec.decode(EventCodec.encode(original)).occurredAt()).isEqualTo(precise);
    }

    @Test
    void givenEnvelope_whenEncodedAsBytesOrString_thenBothDecodeToAnEqualEnvelope() {
        EventEnvelope original = envelope(messagePosted());

        EventEnvelope fromBytes = EventCodec.decode(EventCodec.encode(original));
        EventEnvelope fromString = EventCodec.decode(EventCodec.encodeToString(original));

        assertThat(fromBytes).isEqualTo(original);
        assertThat(fromString).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void givenAnySampleEvent_whenEncodedAndDecoded_thenEnvelopeIsEqual(String typeKey, DomainEvent event) {
        EventEnvelope original = EventEnvelope.of(EVENT_ID, 7, OCCURRED_AT, "cause-7", "correlation-7", event);

        assertThat(EventCodec.decode(EventCodec.encode(original))).isEqualTo(original);
    }

    // --- forward compatibility -------------------------------------------------------------------------------------

    @Test
    void givenUnknownExtraPropertiesAtEveryLevel_whenDecoding_thenTheyAreIgnored() {
        ObjectNode tree = validTree();
        tree.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        tree.putObject("headers").put("producer", "command-side 0.2.0");
        ObjectNode payload = payloadOf(tree);
        payload.put("language", "en");
        ((ObjectNode) payload.get("content")).put("format", "markdown");
        ((ObjectNode) payload.get("author")).put("displayName", "Maria Keller");
        ((ObjectNode) payload.get("content").get("attachments").get(0)).put("checksum", "sha256:00ff");

        EventEnvelope decoded = EventCodec.decode(tree.toString());

        assertThat(decoded).isEqualTo(envelope(messagePosted()));
    }

    // --- EventEnvelope ---------------------------------------------------------------------------------------------

    @Test
    void givenMessagePosted_whenWrapped_thenTypeVersionAggregateAndTenantComeFromTheEvent() {
        MessagePosted event = messagePosted();

        EventEnvelope envelope = EventEnvelope.of(EVENT_ID, 4, OCCURRED_AT, "cause-1", "correlation-1", event);

        assertThat(envelope.type()).isEqualTo("chat.message-posted");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.aggregateType()).isEqualTo("chat");
        assertThat(envelope.aggregateId()).isEqualTo("ch_9faf070f060c46508ae2f156de276396");
        assertThat(envelope.organizationId()).isEqualTo("org_d943e7f049a340fa9ce6d0cb0effe0c1");
        assertThat(envelope.eventId()).isEqualTo(EVENT_ID);
        assertThat(envelope.sequence()).isEqualTo(4);
        assertThat(envelope.occurredAt()).isEqualTo(OCCURRED_AT);
        assertThat(envelope.causationId()).isEqualTo("cause-1");
        assertThat(envelope.correlationId()).isEqualTo("correlation-1");
        assertThat(envelope.payloadAs(MessagePosted.class)).isSameAs(event);
    }

    @Test
    void givenOrganizationEvent_whenWrapped_thenAggregateIsTheOrganization() {
        OrganizationRenamed event = new OrganizationRenamed(EventSamples.ORGANIZATION, "Acme Care");

        EventEnvelope envelope = EventEnvelope.of(EVENT_ID, 2, OCCURRED_AT, null, null, event);

        assertThat(envelope.type()).isEqualTo("organization.renamed");
        assertThat(envelope.aggregateType()).isEqualTo("organization");
        assertThat(envelope.aggregateId()).isEqualTo(EventSamples.ORGANIZATION.value());
        assertThat(envelope.organizationId()).isEqualTo(EventSamples.ORGANIZATION.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void givenAnySampleEvent_whenWrapped_thenEnvelopeMetadataMatchesTheRegistryAndTheEvent(String typeKey,
                                                                                            DomainEvent event) {
        EventTypes.Key key = EventTypes.typeOf(event.getClass());

        EventEnvelope envelope = EventEnvelope.of(EVENT_ID, 1, OCCURRED_AT, null, null, event);

        assertThat(EventSamples.key(envelope.type(), envelope.version())).isEqualTo(typeKey);
        assertThat(envelope.type()).isEqualTo(key.name());
        assertThat(envelope.aggregateType()).isEqualTo(event.aggregateType().wireName());
        assertThat(envelope.aggregateId()).isEqualTo(event.aggregateId());
        assertThat(envelope.organizationId()).isEqualTo(event.organizationId().value());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void givenSequenceBelowOne_whenCreatingEnvelope_thenRejected(long sequence) {
        assertThatThrownBy(() -> EventEnvelope.of(EVENT_ID, sequence, OCCURRED_AT, null, null, messagePosted()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence");
    }

    @Test
    void givenSequenceOne_whenCreatingEnvelope_thenAccepted() {
        assertThatCode(() -> EventEnvelope.of(EVENT_ID, 1, OCCURRED_AT, null, null, messagePosted()))
                .doesNotThrowAnyException();
    }

    @Test
    void givenMissingRequiredValue_whenCreatingEnvelope_thenRejectedNamingIt() {
        assertThatThrownBy(() -> EventEnvelope.of(null, 1, OCCURRED_AT, null, null, messagePosted()))
                .isInstanceOf(NullPointerException.class).hasMessage("eventId");
        assertThatThrownBy(() -> EventEnvelope.of(EVENT_ID, 1, null, null, null, messagePosted()))
                .isInstanceOf(NullPointerException.class).hasMessage("occurredAt");
    }

    @Test
    void givenEnvelope_whenPayloadCastToWrongType_thenClassCastException() {
        EventEnvelope envelope = envelope(messagePosted());

        assertThatThrownBy(() -> envelope.payloadAs(OrganizationRenamed.class))
                .isInstanceOf(ClassCastException.class);
    }

    static Stream<Arguments> samples() {
        return EventSamples.all().entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertMalformed(
            ThrowingCallable call) {
        return assertThatThrownBy(call).isExactlyInstanceOf(MalformedEventException.class);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
