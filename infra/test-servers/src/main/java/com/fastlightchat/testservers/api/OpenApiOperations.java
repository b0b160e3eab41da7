package com.fastlightchat.testservers.api;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operations of an OpenAPI 3 document ({@code /v3/api-docs}), with their parameters and request body schema. */
public final class OpenApiOperations {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApiOperations() {
    }

    /** A parameter of an operation: {@code in} is {@code path}, {@code query} or {@code header}. */
    public record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    /**
     * One operation.
     *
     * @param bodySchema the resolved JSON request body schema, or null when the operation takes no body
     */
    public record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema) {

        public boolean hasBody() {
            return bodySchema != null;
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        /** The path with each {@code {name}} replaced by {@code value(name)} (URL-encoded by the caller if needed). */
        public String fill(java.util.function.Function<String, String> value) {
            Matcher matcher = PATH_PARAMETER.matcher(path);
            StringBuilder url = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(url, Matcher.quoteReplacement(value.apply(matcher.group(1))));
            }
            matcher.appendTail(url);
            return url.toString();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every operation of the document, in its order. */
    public static List<Operation> of(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    JsonNode resolved = resolve(docs, parameter);
                    parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
                            resolve(docs, resolved.path("schema")), resolved.path("required").asBoolean(false)));
                }
                JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), body.isMissingNode() ? null : resolve(docs, body)));
            }
        }
        return List.copyOf(operations);
    }

    /** The schema itself, or the component a {@code $ref} names. */
    public static JsonNode resolve(JsonNode docs, JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asString();
            current = docs.at(ref.substring(1));
        }
        return current;
    }
}
