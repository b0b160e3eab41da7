package com.fastlightchat.kernel.schema;

import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.EventSamples;
import com.fastlightchat.kernel.event.EventTypes;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.TypedId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Derives the JSON Schema (draft 2020-12) of an event's payload from its record, the way the kernel's codec writes
 * it: typed ids as strings, instants as ISO-8601 strings, enums by name, nested records as objects. Every property
 * is always present (the codec writes nulls); any object-typed property may be null, except the tenant, the
 * aggregate's own id and lists (the codec never writes a null list). Run through {@link EventSchemaFilesTest}.
 */
final class EventSchemaGenerator {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    static final String BASE_URI = "https://fastlight.chat/schemas/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Properties that identify the event's tenant and aggregate: never null (the codec rejects an event without). */
    private static final Set<String> IDENTITY = Set.of("organizationId", "chatId", "agentId", "userId",
            "environmentId");

    private EventSchemaGenerator() {
    }

    /** The schema's path under the {@code schemas} resource folder, e.g. {@code chat.opened/v1.json}. */
    static String path(EventTypes.Key type) {
        return type.name() + "/v" + type.version() + ".json";
    }

    static ObjectNode schemaOf(Class<?> eventClass) {
        EventTypes.Key type = EventTypes.typeOf(eventClass);
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", BASE_URI + path(type));
        schema.put("title", type.name() + " v" + type.version());
        schema.put("description", "Payload of the event " + type.name() + " version " + type.version()
                + ", published on the topic " + aggregateTopic(eventClass) + " inside the event envelope ("
                + BASE_URI + "envelope/v1.json). Every property is always present; it may be null where its type"
                + " allows null.");
        ObjectNode body = objectSchema(eventClass, true);
        body.properties().forEach(e -> schema.set(e.getKey(), e.getValue()));
        return schema;
    }

    private static String aggregateTopic(Class<?> eventClass) {
        return EventSamples.forType(EventTypes.typeOf(eventClass)).aggregateType().topic();
    }

    private static ObjectNode objectSchema(Class<?> record, boolean event) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (RecordComponent component : record.getRecordComponents()) {
            boolean nullable = !component.getType().isPrimitive()
                    && !Collection.class.isAssignableFrom(component.getType())
                    && !(event && IDENTITY.contains(component.getName()));
            properties.set(component.getName(), nullable(typeSchema(component.getGenericType()), nullable));
            required.add(component.getName());
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static JsonNode nullable(ObjectNode schema, boolean nullable) {
        if (!nullable) {
            return schema;
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isString() && !schema.has("enum")) {
            ArrayNode types = JSON.createArrayNode().add(type.asString()).add("null");
            schema.set("type", types);
            return schema;
        }
        ObjectNode anyOf = JSON.createObjectNode();
        anyOf.putArray("anyOf").add(schema).add(JSON.createObjectNode().put("type", "null"));
        return anyOf;
    }

    private static ObjectNode typeSchema(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode schema = JSON.createObjectNode().put("type", "array");
                schema.set("items", typeSchema(arguments[0]));
                if (Set.class.isAssignableFrom(raw)) {
                    schema.put("uniqueItems", true);
                }
                return schema;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode schema = JSON.createObjectNode().put("type", "object");
                if (arguments[1] == Object.class) {
                    // scalar custom values, as the kernel's attribute maps hold
                    schema.putObject("additionalProperties").putArray("type").add("string").add("number")
                            .add("boolean");
                } else {
                    schema.set("additionalProperties", typeSchema(arguments[1]));
                }
                return schema;
            }
            throw new IllegalArgumentException("no JSON Schema mapping for " + type
                    + ": teach EventSchemaGenerator how the codec writes it");
        }
        Class<?> cls = (Class<?>) type;
        if (TypedId.class.isAssignableFrom(cls)) {
            return JSON.createObjectNode().put("type", "string").put("pattern", "^" + Ids.FORMAT.pattern() + "$");
        }
        if (cls == String.class) {
            return JSON.createObjectNode().put("type", "string");
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return JSON.createObjectNode().put("type", "boolean");
        }
        if (cls == int.class || cls == long.class || cls == short.class || cls == Integer.class
                || cls == Long.class || cls == Short.class) {
            return JSON.createObjectNode().put("type", "integer");
        }
        if (cls == double.class || cls == float.class || cls == Double.class || cls == Float.class) {
            return JSON.createObjectNode().put("type", "number");
        }
        if (cls == Instant.class) {
            return JSON.createObjectNode().put("type", "string").put("format", "date-time");
        }
        if (cls == LocalDate.class) {
            return JSON.createObjectNode().put("type", "string").put("format", "date");
        }
        if (cls == URI.class) {
            return JSON.createObjectNode().put("type", "string").put("format", "uri");
        }
        if (cls == byte[].class) {
            return JSON.createObjectNode().put("type", "string").put("contentEncoding", "base64");
        }
        if (cls.isEnum()) {
            ObjectNode schema = JSON.createObjectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : cls.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (cls.isRecord()) {
            return objectSchema(cls, false);
        }
        if (DomainEvent.class.isAssignableFrom(cls)) {
            throw new IllegalArgumentException("events do not nest: " + cls);
        }
        throw new IllegalArgumentException("no JSON Schema mapping for " + cls.getName()
                + ": teach EventSchemaGenerator how the codec writes it");
    }
}
