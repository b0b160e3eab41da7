package com.fastlightchat.kernel.schema;

import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.event.EventSamples;
import com.fastlightchat.kernel.event.EventTypes;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The published JSON Schemas ({@code src/main/resources/schemas/<type>/v<version>.json}, one per event type and
 * version, plus {@code envelope/v1.json}): every registered event has one, each equals what
 * {@link EventSchemaGenerator} derives from the record, and every golden file validates against the envelope's and
 * its payload's schema.
 *
 * <p>After adding an event type (or merging branches that did), write the missing schema files with
 * {@code ./flc schemas}, which runs this test with {@code -Dflc.schemas.write=true}: it creates the files that are
 * missing and never rewrites an existing one (a published version's schema never changes).
 */
class EventSchemaFilesTest {

    static final Path SOURCE_DIR = Path.of("src/main/resources/schemas");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<EventTypes.Key> registeredTypes() {
        return EventTypes.all().stream().map(EventTypes::typeOf);
    }

    /** In write mode ({@code -Dflc.schemas.write=true}), writes the schema of every event type that has none. */
    @BeforeAll
    static void writeMissingSchemasWhenAsked() throws IOException {
        if (!Boolean.getBoolean("flc.schemas.write")) {
            return;
        }
        for (Class<?> type : EventTypes.all()) {
            Path file = SOURCE_DIR.resolve(EventSchemaGenerator.path(EventTypes.typeOf(type)));
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(EventSchemaGenerator.schemaOf(type)) + "\n", StandardCharsets.UTF_8);
                System.out.println("wrote " + file);
            }
        }
    }

    @Test
    void givenRegisteredEventTypes_whenLookingForSchemas_thenEveryTypeHasOne() {
        List<String> missing = registeredTypes().map(EventSchemaGenerator::path)
                .filter(path -> !Files.exists(SOURCE_DIR.resolve(path)))
                .toList();

        assertThat(EventTypes.all()).isNotEmpty();
        assertThat(missing).as("event types without a JSON Schema in %s: run ./flc schemas to write them",
                SOURCE_DIR).isEmpty();
    }

    @Test
    void givenSchemaDirectory_whenListingFiles_thenEachIsTheEnvelopeOrARegisteredEventType() throws IOException {
        List<String> registered = registeredTypes().map(EventSchemaGenerator::path).toList();
        List<String> present;
        try (Stream<Path> files = Files.walk(SOURCE_DIR)) {
            present = files.filter(Files::isRegularFile)
                    .map(file -> SOURCE_DIR.relativize(file).toString().replace('\\', '/'))
                    .filter(path -> !path.equals("envelope/v1.json"))
                    .toList();
        }

        assertThat(present).as("schemas whose type/version is not registered (renamed or removed event?)")
                .isNotEmpty()
                .allSatisfy(path -> assertThat(registered).contains(path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void givenEventRecord_whenSchemaDerived_thenItEqualsThePublishedSchema(EventTypes.Key type) {
        ObjectNode derived = EventSchemaGenerator.schemaOf(EventTypes.classOf(type.name(), type.version()).orElseThrow());

        assertThat(published(EventSchemaGenerator.path(type)))
                .as("the published schema of %s v%d no longer matches its record: a published version never changes"
                        + " shape (add a version instead)", type.name(), type.version())
                .isEqualTo(derived);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void givenGoldenFile_whenValidated_thenEnvelopeAndPayloadMatchTheirSchemas(EventTypes.Key type) {
        JsonNode golden = JSON.readTree(resource("/golden/" + EventSamples.key(type.name(), type.version()) + ".json"));

        assertThat(errors(schema("envelope/v1.json"), golden)).isEmpty();
        assertThat(errors(schema(EventSchemaGenerator.path(type)), golden.get("payload"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void givenSample_whenEncodedByTheCodec_thenPayloadMatchesItsSchema(EventTypes.Key type) {
        JsonNode payload = EventCodec.payloadTree(EventSamples.forType(type));

        assertThat(errors(schema(EventSchemaGenerator.path(type)), payload)).isEmpty();
    }

    @Test
    void givenSchema_whenPayloadBreaksIt_thenErrorsNameTheProperty() {
        Schema chatOpened = schema("chat.opened/v1.json");
        ObjectNode payload = (ObjectNode) EventCodec.payloadTree(EventSamples.forType(new EventTypes.Key("chat.opened", 1)));
        payload.put("chatId", "not an id!");
        payload.remove("userId");
        payload.put("surprise", 1);

        assertThat(errors(chatOpened, payload)).anySatisfy(e -> assertThat(e).contains("chatId"))
                .anySatisfy(e -> assertThat(e).contains("userId"))
                .anySatisfy(e -> assertThat(e).contains("surprise"));
    }

    @Test
    void givenEnvelopeSchema_whenEnvelopeLacksItsSequence_thenInvalid() {
        ObjectNode golden = (ObjectNode) JSON.readTree(resource("/golden/chat.opened.v1.json"));
        golden.remove("sequence");

        assertThat(errors(schema("envelope/v1.json"), golden)).anySatisfy(e -> assertThat(e).contains("sequence"));
    }

    private static List<String> errors(Schema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(Error::toString).toList();
    }

    private static Schema schema(String path) {
        return REGISTRY.getSchema(published(path));
    }

    private static JsonNode published(String path) {
        Path file = SOURCE_DIR.resolve(path);
        if (!Files.exists(file)) {
            return fail("no schema " + file + ": run ./flc schemas");
        }
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = EventSchemaFilesTest.class.getResourceAsStream(name)) {
            if (in == null) {
                return fail("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
