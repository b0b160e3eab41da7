package com.fastlightchat.testservers.api;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * jqwik arbitraries of JSON for fuzzing an API: bodies shaped by an OpenAPI schema (each field valid-looking, of a
 * wrong type, missing, or nasty), arbitrary JSON of any shape, and text that is not JSON at all. Ids a schema asks
 * for (fields named {@code …Id}/{@code …Ids}) are sometimes taken from {@code knownIds}, so that input also reaches the
 * checks behind "does this exist".
 */
public final class JsonArbitraries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonArbitraries() {
    }

    /** A request body for {@code schema} (resolved against {@code docs}), as the text sent. */
    public static Arbitrary<String> body(JsonNode docs, JsonNode schema, Function<String, List<String>> knownIds) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, shaped(docs, schema, knownIds, 0).map(JsonNode::toString)),
                Tuple.of(2, anyJson(3).map(JsonNode::toString)),
                Tuple.of(1, notJson()));
    }

    /** Any JSON value, nested up to {@code depth}. */
    public static Arbitrary<JsonNode> anyJson(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.longs().map(n -> (JsonNode) NODES.numberNode(n)),
                Arbitraries.doubles().map(n -> (JsonNode) NODES.numberNode(n)),
                Arbitraries.bigDecimals().map(n -> (JsonNode) NODES.numberNode(n)),
                nastyStrings().map(s -> (JsonNode) NODES.stringNode(s)));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> anyJson(depth - 1));
        Arbitrary<JsonNode> array = inner.list().ofMaxSize(4).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(fieldNames(), inner).ofMaxSize(4).map(fields -> {
            ObjectNode node = NODES.objectNode();
            fields.forEach(node::set);
            return node;
        });
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(2, object));
    }

    /** Strings that tend to break things: empty, blank, huge, control characters, other scripts, markup, numbers. */
    public static Arbitrary<String> nastyStrings() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\t\n", "null", "0", "-1", "9223372036854775808", "1e309", "NaN", "true",
                        "<script>alert(1)</script>", "' or 1=1 --", "{\"$gt\":\"\"}", "../../etc/passwd",
                        "%00", "\u0000", "\uFEFF", "\uD83D\uDE00", "\uD800", "ch_", "usr_x", "A".repeat(300),
                        "https://example.com", "ALL CAPS", "ünïcödé", "中文字符", "\u202Eevil"),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_', '-').ofMinLength(1).ofMaxLength(70),
                Arbitraries.strings().all().ofMinLength(100).ofMaxLength(12_000));
    }

    /** Text that is not a JSON document. */
    public static Arbitrary<String> notJson() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "{", "}", "[", "{\"a\":", "{'single':'quotes'}", "{\"a\":1,}", "nul", "tru",
                        "{\"a\":1}{\"b\":2}", "\u0000", "<xml/>", "a=1&b=2", "{\"a\":\"\\uZZZZ\"}",
                        "[".repeat(2000) + "]".repeat(2000)),
                Arbitraries.strings().ofMaxLength(60));
    }

    private static Arbitrary<String> fieldNames() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("__proto__", "constructor", "$where", "", "chatId", "organizationId"));
    }

    /** A value for {@code schema}: usually of the right shape, sometimes not. */
    static Arbitrary<JsonNode> shaped(JsonNode docs, JsonNode schema, Function<String, List<String>> knownIds,
                                      int depth) {
        JsonNode resolved = OpenApiOperations.resolve(docs, schema);
        Arbitrary<JsonNode> right = rightShape(docs, resolved, knownIds, depth, "");
        return Arbitraries.frequencyOf(Tuple.of(8, right), Tuple.of(1, anyJson(1)));
    }

    private static Arbitrary<JsonNode> rightShape(JsonNode docs, JsonNode schema, Function<String, List<String>> knownIds,
                                                  int depth, String name) {
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(values)),
                    Tuple.of(1, nastyStrings().map(s -> (JsonNode) NODES.stringNode(s))));
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(docs, schema, knownIds, depth);
            case "array" -> {
                JsonNode items = OpenApiOperations.resolve(docs, schema.path("items"));
                String itemName = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
                Arbitrary<JsonNode> item = depth > 3 ? anyJson(0)
                        : Arbitraries.lazy(() -> rightShape(docs, items, knownIds, depth + 1, itemName));
                yield item.list().ofMaxSize(depth > 0 ? 3 : 25).map(list -> {
                    ArrayNode node = NODES.arrayNode();
                    list.forEach(node::add);
                    return (JsonNode) node;
                });
            }
            case "integer" -> Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.longs().between(-5, 200).map(n -> (JsonNode) NODES.numberNode(n))),
                    Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MAX_VALUE + 1)
                            .map(n -> (JsonNode) NODES.numberNode(n))),
                    Tuple.of(1, Arbitraries.doubles().map(n -> (JsonNode) NODES.numberNode(n))));
            case "number" -> Arbitraries.doubles().map(n -> (JsonNode) NODES.numberNode(n));
            case "boolean" -> Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b));
            default -> string(schema, knownIds, name);
        };
    }

    private static Arbitrary<JsonNode> string(JsonNode schema, Function<String, List<String>> knownIds, String name) {
        List<String> known = name.toLowerCase(java.util.Locale.ROOT).endsWith("id") ? knownIds.apply(name) : List.of();
        Arbitrary<String> plausible = "date-time".equals(schema.path("format").asString(""))
                ? Arbitraries.of("2030-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "2026-11-22T10:00:00+02:00",
                "not a time", "9999-12-31T23:59:59Z")
                : nastyStrings();
        if (known.isEmpty()) {
            return plausible.map(s -> (JsonNode) NODES.stringNode(s));
        }
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(known)), Tuple.of(1, plausible))
                .map(s -> (JsonNode) NODES.stringNode(s));
    }

    private static Arbitrary<JsonNode> object(JsonNode docs, JsonNode schema, Function<String, List<String>> knownIds,
                                              int depth) {
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(schema.path("properties").properties());
        if (properties.isEmpty() || depth > 3) {
            return anyJson(1).map(node -> node.isObject() ? node : NODES.objectNode());
        }
        List<Arbitrary<JsonNode>> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties) {
            JsonNode fieldSchema = OpenApiOperations.resolve(docs, property.getValue());
            Arbitrary<JsonNode> value = Arbitraries.lazy(() -> rightShape(docs, fieldSchema, knownIds, depth + 1,
                    property.getKey()));
            // absent (a missing node here), explicit null, right shape, or anything
            fields.add(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(NODES.missingNode())),
                    Tuple.of(1, Arbitraries.just(NODES.nullNode())), Tuple.of(8, value),
                    Tuple.of(1, anyJson(1))));
        }
        Arbitrary<List<JsonNode>> values = Combinators.combine(fields).as(list -> list);
        Arbitrary<Map<String, JsonNode>> extra = Arbitraries.maps(fieldNames(), anyJson(1)).ofMaxSize(2);
        return Combinators.combine(values, extra).as((list, unknown) -> {
            ObjectNode node = NODES.objectNode();
            for (int i = 0; i < properties.size(); i++) {
                if (!list.get(i).isMissingNode()) {
                    node.set(properties.get(i).getKey(), list.get(i));
                }
            }
            unknown.forEach(node::set);
            return (JsonNode) node;
        });
    }

    /** Parses JSON text (for tests that need the tree of a generated body). */
    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
