package com.fastlightchat.kernel.envelope;

import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.EventSamples;
import com.fastlightchat.kernel.event.EventTypes;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import com.fastlightchat.kernel.privacy.TestSubjectKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the encrypted form of events: which fields are personal data, and what they look like sealed. The files under
 * {@code golden/sealed/} are the plain golden files as the command side publishes them, sealed with
 * {@link TestSubjectKeys#GOLDEN_KEY}; every other field must stay exactly as in the plain file (same JSON types, so
 * a JSON Schema of the event holds for both forms).
 */
class SealedGoldenFilesTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    /** The personal fields of each event type, as JSON pointers into the sample; types not named here have none. */
    private static final Map<String, List<String>> PERSONAL_FIELDS = Map.of(
            "chat.message-posted.v1", List.of("/payload/content/text", "/payload/content/attachments/0/fileName"),
            "chat.message-edited.v1", List.of("/payload/content/text", "/payload/content/attachments/0/fileName"),
            "user.profile-updated.v1", List.of("/payload/profile/name", "/payload/profile/email",
                    "/payload/profile/phone"),
            "user.attributes-updated.v1", List.of("/payload/attributes/values/plan",
                    "/payload/attributes/values/seats", "/payload/attributes/values/mrr",
                    "/payload/attributes/values/trial"),
            "user.identified.v1", List.of("/payload/memberId"),
            "user.merged.v1", List.of("/payload/memberId"));

    private final TestSubjectKeys keys = new TestSubjectKeys();
    private final EnvelopeCodec sealing = EnvelopeCodec.sealing(new PersonalDataCipher(keys));

    static Stream<String> sealedFiles() {
        return PERSONAL_FIELDS.keySet().stream().sorted();
    }

    static Stream<EventTypes.Key> registeredTypes() {
        return EventTypes.all().stream().map(EventTypes::typeOf);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sealedFiles")
    void givenSealedGoldenFile_whenDecodedWithTheSubjectsKey_thenItIsTheSample(String name) {
        EventEnvelope envelope = sealing.decode(resource("/golden/sealed/" + name + ".json"));

        assertThat(envelope.payload()).isEqualTo(EventSamples.forType(name).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sealedFiles")
    void givenSealedGoldenFile_whenComparedWithThePlainOne_thenExactlyThePersonalFieldsAreSealedStrings(String name) {
        JsonNode sealed = PLAIN.readTree(resource("/golden/sealed/" + name + ".json"));
        JsonNode plain = PLAIN.readTree(resource("/golden/" + name + ".json"));

        assertThat(sealedPointers(sealed)).containsExactlyInAnyOrderElementsOf(PERSONAL_FIELDS.get(name));
        for (String pointer : PERSONAL_FIELDS.get(name)) {
            assertThat(sealed.at(pointer).asString()).startsWith("enc:v1:" + EventSamples.USER.value() + ":");
        }
        assertThat(withPlaceholders(sealed, name)).isEqualTo(withPlaceholders(plain, name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void givenAnySample_whenEncodedWithACipher_thenOnlyItsPersonalFieldsAreSealedAndItDecodesBack(EventTypes.Key type) {
        String name = EventSamples.key(type.name(), type.version());
        DomainEvent sample = EventSamples.forType(type);
        EventEnvelope envelope = EventEnvelope.of("e-1", 3, Instant.parse("2025-04-22T16:44:09.127Z"), "c", "c", sample);

        String encoded = sealing.encodeToString(envelope);

        assertThat(sealedPointers(PLAIN.readTree(encoded)))
                .as("sealed fields of %s", name)
                .containsExactlyInAnyOrderElementsOf(PERSONAL_FIELDS.getOrDefault(name, List.of()));
        assertThat(sealing.decode(encoded).payload()).isEqualTo(sample);
        assertThat(EventCodec.decode(EventCodec.encodeToString(envelope)).payload())
                .as("without a cipher nothing is sealed").isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sealedFiles")
    void givenErasedSubject_whenSealedGoldenFileIsDecoded_thenPersonalFieldsReadAsErasedAndTheRestIsIntact(String name) {
        keys.erase(EventSamples.USER.value());

        EventEnvelope envelope = sealing.decode(resource("/golden/sealed/" + name + ".json"));

        ObjectNode expected = (ObjectNode) PLAIN.readTree(resource("/golden/" + name + ".json"));
        EventEnvelope erased = EventCodec.decode(withPlaceholders(expected, name).toString());
        assertThat(envelope).isEqualTo(erased);
        assertThat(envelope.sequence()).isEqualTo(expected.get("sequence").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sealedFiles")
    void givenSealedGoldenFile_whenDecodedAndEncodedWithoutACipher_thenSealedValuesPassThroughUnchanged(String name) {
        String golden = resource("/golden/sealed/" + name + ".json");

        String reEncoded = EventCodec.encodeToString(EventCodec.decode(golden));

        assertThat(PLAIN.readTree(reEncoded)).isEqualTo(PLAIN.readTree(golden));
    }

    @Test
    void givenAgentProfile_whenEncodedWithACipher_thenStaffDataIsNotSealed() {
        String golden = resource("/golden/agent.added.v1.json");

        String reEncoded = sealing.encodeToString(sealing.decode(golden));

        assertThat(PLAIN.readTree(reEncoded)).isEqualTo(PLAIN.readTree(golden));
        assertThat(keys.lookups()).isZero();
    }

    @Test
    void givenSealedGoldenFile_whenTamperedWith_thenDecodingReportsAMalformedEvent() {
        ObjectNode tree = (ObjectNode) PLAIN.readTree(resource("/golden/sealed/chat.message-posted.v1.json"));
        ObjectNode content = (ObjectNode) tree.get("payload").get("content");
        String text = content.get("text").asString();
        content.put("text", text.substring(0, text.length() - 6) + "AAAA==");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sealing.decode(tree.toString()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("chat.message-posted");
    }

    /** The tree with every personal field of {@code name} replaced by the erased placeholder. */
    private static JsonNode withPlaceholders(JsonNode tree, String name) {
        ObjectNode copy = (ObjectNode) tree.deepCopy();
        for (String pointer : PERSONAL_FIELDS.get(name)) {
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = copy.at(pointer.substring(0, slash));
            ((ObjectNode) parent).put(pointer.substring(slash + 1), PersonalDataCipher.ERASED);
        }
        return copy;
    }

    private static List<String> sealedPointers(JsonNode tree) {
        TreeSet<String> pointers = new TreeSet<>();
        collect(tree, "", pointers);
        return new ArrayList<>(pointers);
    }

    private static void collect(JsonNode node, String path, TreeSet<String> pointers) {
        if (node.isString() && PersonalDataCipher.isSealed(node.asString())) {
            pointers.add(path);
        } else if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), path + "/" + e.getKey(), pointers));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, pointers);
            }
        }
    }

    private static String resource(String path) {
        try (InputStream in = SealedGoldenFilesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("resource %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
