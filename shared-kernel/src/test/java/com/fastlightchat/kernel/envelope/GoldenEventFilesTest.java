package com.fastlightchat.kernel.envelope;

import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.EventSamples;
import com.fastlightchat.kernel.event.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Pins the published JSON of every event type to a hand-written golden file
 * {@code src/test/resources/golden/<type-name>.v<version>.json}. A change to a record's shape or to the codec that
 * alters the wire format fails here; the fix is a new version with an upcaster, not an edited golden file.
 */
class GoldenEventFilesTest {

    private static final String GOLDEN_DIR = "/golden/";
    /** A plain mapper, independent of the codec under test, for comparing JSON trees. */
    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final List<String> ENVELOPE_FIELDS = List.of("eventId", "type", "version", "aggregateType",
            "aggregateId", "sequence", "organizationId", "occurredAt", "causationId", "correlationId", "payload");

    static Stream<EventTypes.Key> registeredTypes() {
        return EventTypes.all().stream().map(EventTypes::typeOf);
    }

    @Test
    void givenRegisteredEventTypes_whenLookingForGoldenFiles_thenEveryTypeHasOne() {
        List<String> missing = registeredTypes()
                .map(GoldenEventFilesTest::fileName)
                .filter(name -> GoldenEventFilesTest.class.getResource(GOLDEN_DIR + name) == null)
                .toList();

        assertThat(EventTypes.all()).isNotEmpty();
        assertThat(missing)
                .as("event types without a golden file in src/test/resources/golden (add one with every field set)")
                .isEmpty();
    }

    @Test
    void givenGoldenDirectory_whenListingFiles_thenEveryFileNamesARegisteredEventType() throws IOException {
        List<String> registered = registeredTypes().map(GoldenEventFilesTest::fileName).toList();
        List<String> present;
        try (Stream<Path> files = Files.list(goldenDirectory())) {
            present = files.map(path -> path.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
        }

        assertThat(present)
                .as("golden files whose type/version is not registered (renamed or removed event?)")
                .isNotEmpty()
                .allSatisfy(name -> assertThat(registered).contains(name));
    }

    @Test
    void givenRegisteredEventTypes_whenLookingForSamples_thenEveryTypeHasExactlyOneSample() {
        List<String> registered = registeredTypes().map(t -> EventSamples.key(t.name(), t.version())).toList();

        assertThat(EventSamples.all().keySet()).containsExactlyInAnyOrderElementsOf(registered);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void givenGoldenFile_whenDecoded_thenPayloadEqualsTheExpectedInstance(EventTypes.Key type) {
        DomainEvent expected = EventSamples.forType(type);

        EventEnvelope envelope = EventCodec.decode(golden(type));

        assertThat(envelope.payload()).isEqualTo(expected);
        assertThat(envelope.payload()).isExactlyInstanceOf(EventTypes.classOf(type.name(), type.version()).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void givenGoldenFile_whenDecodedAndEncodedAgain_thenJsonIsUnchanged(EventTypes.Key type) {
        String golden = golden(type);

        String reEncoded = EventCodec.encodeToString(EventCodec.decode(golden));

        assertThat(PLAIN.readTree(reEncoded)).isEqualTo(PLAIN.readTree(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void givenExpectedInstance_whenWrappedAndEncoded_thenPayloadJsonEqualsGoldenPayload(EventTypes.Key type) {
        JsonNode golden = PLAIN.readTree(golden(type));
        DomainEvent expected = EventSamples.forType(type);
        EventEnvelope envelope = EventEnvelope.of(golden.get("eventId").asString(), golden.get("sequence").asLong(),
                Instant.parse(golden.get("occurredAt").asString()), golden.get("causationId").asString(),
                golden.get("correlationId").asString(), expected);

        JsonNode encoded = PLAIN.readTree(EventCodec.encode(envelope));

        assertThat(encoded).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void givenGoldenFile_whenInspected_thenEveryEnvelopeAndPayloadFieldIsSet(EventTypes.Key type) {
        JsonNode golden = PLAIN.readTree(golden(type));

        assertThat(golden.propertyNames()).containsExactlyInAnyOrderElementsOf(ENVELOPE_FIELDS);
        assertThat(golden.get("type").asString()).isEqualTo(type.name());
        assertThat(golden.get("version").asInt()).isEqualTo(type.version());
        List<String> unset = new ArrayList<>();
        collectUnset(golden, "", unset);
        assertThat(unset).as("null or empty values in %s", fileName(type)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void givenGoldenFile_whenDecoded_thenEnvelopeMetadataAgreesWithPayload(EventTypes.Key type) {
        EventEnvelope envelope = EventCodec.decode(golden(type));
        DomainEvent payload = envelope.payload();

        assertThat(envelope.type()).isEqualTo(type.name());
        assertThat(envelope.version()).isEqualTo(type.version());
        assertThat(envelope.aggregateType()).isEqualTo(payload.aggregateType().wireName());
        assertThat(envelope.aggregateId()).isEqualTo(payload.aggregateId());
        assertThat(envelope.organizationId()).isEqualTo(payload.organizationId().value());
        assertThat(envelope.sequence()).isPositive();
        assertThat(envelope.causationId()).isNotBlank();
        assertThat(envelope.correlationId()).isNotBlank();
    }

    private static void collectUnset(JsonNode node, String path, List<String> unset) {
        if (node.isNull() || (node.isString() && node.asString().isBlank())
                || (node.isContainer() && node.isEmpty())) {
            unset.add(path.isEmpty() ? "/" : path);
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> collectUnset(e.getValue(), path + "/" + e.getKey(), unset));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnset(node.get(i), path + "/" + i, unset);
            }
        }
    }

    private static String fileName(EventTypes.Key type) {
        return EventSamples.key(type.name(), type.version()) + ".json";
    }

    private static String golden(EventTypes.Key type) {
        String resource = GOLDEN_DIR + fileName(type);
        try (InputStream in = GoldenEventFilesTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return fail("no golden file " + resource + " for " + type);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path goldenDirectory() {
        URL url = Optional.ofNullable(GoldenEventFilesTest.class.getResource(GOLDEN_DIR))
                .orElseThrow(() -> new AssertionError("no golden directory on the test class path"));
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
