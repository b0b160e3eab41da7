package com.fastlightchat.query.schema.web;

import com.fastlightchat.kernel.event.AgentEvent;
import com.fastlightchat.kernel.event.AggregateType;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.EnvironmentEvent;
import com.fastlightchat.kernel.event.EventTypes;
import com.fastlightchat.kernel.event.OrganizationEvent;
import com.fastlightchat.kernel.event.UserEvent;
import com.fastlightchat.web.Rejection;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event stream's contract for analytics teams, public (no credentials): the JSON Schema (draft 2020-12) of the
 * envelope and of each event type and version, as kept in the shared kernel ({@code schemas/<type>/v<n>.json}).
 */
@RestController
public class SchemaQueries {

    public static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    private static final Pattern VERSION = Pattern.compile("v?([1-9][0-9]{0,3})");
    private static final String TYPE_NAME = "[a-z]+\\.[a-z][a-z0-9-]{0,63}";

    public record SchemaIndex(String envelope, List<EventSchema> events) {
    }

    public record EventSchema(String type, int version, String topic, String href) {
    }

    /** Every published event type and version with its topic and schema link, by type and version. */
    @GetMapping("/v1/schemas")
    public ResponseEntity<SchemaIndex> index() {
        List<EventSchema> events = EventTypes.all().stream()
                .map(type -> {
                    EventTypes.Key key = EventTypes.typeOf(type);
                    return new EventSchema(key.name(), key.version(), aggregateOf(type).topic(),
                            "/v1/schemas/" + key.name() + "/" + key.version());
                })
                .sorted(Comparator.comparing(EventSchema::type).thenComparing(EventSchema::version))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(new SchemaIndex("/v1/schemas/envelope", events));
    }

    @GetMapping("/v1/schemas/envelope")
    public ResponseEntity<byte[]> envelope() {
        return schema("envelope/v1.json");
    }

    /** {@code version} as {@code 1} or {@code v1}; an unknown type or version is a 404. */
    @GetMapping("/v1/schemas/{eventType}/{version}")
    public ResponseEntity<byte[]> event(@PathVariable String eventType, @PathVariable String version) {
        Matcher matcher = VERSION.matcher(version);
        if (!eventType.matches(TYPE_NAME) || !matcher.matches()
                || EventTypes.classOf(eventType, Integer.parseInt(matcher.group(1))).isEmpty()) {
            throw Rejection.notFound("event type " + eventType + " version " + version);
        }
        return schema(eventType + "/v" + matcher.group(1) + ".json");
    }

    private static ResponseEntity<byte[]> schema(String path) {
        try (InputStream in = SchemaQueries.class.getResourceAsStream("/schemas/" + path)) {
            if (in == null) {
                throw Rejection.notFound("schema " + path);
            }
            return ResponseEntity.ok().contentType(SCHEMA_JSON)
                    .cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AggregateType aggregateOf(Class<?> type) {
        if (OrganizationEvent.class.isAssignableFrom(type)) {
            return AggregateType.ORGANIZATION;
        }
        if (EnvironmentEvent.class.isAssignableFrom(type)) {
            return AggregateType.ENVIRONMENT;
        }
        if (AgentEvent.class.isAssignableFrom(type)) {
            return AggregateType.AGENT;
        }
        if (UserEvent.class.isAssignableFrom(type)) {
            return AggregateType.USER;
        }
        if (ChatEvent.class.isAssignableFrom(type)) {
            return AggregateType.CHAT;
        }
        throw new IllegalStateException(type + " belongs to no aggregate");
    }
}
