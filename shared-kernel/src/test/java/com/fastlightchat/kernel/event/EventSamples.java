package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One fully populated instance per published event type, keyed {@code <type-name>.v<version>} like the golden
 * files under {@code src/test/resources/golden/}. The golden test compares each decoded golden file with the
 * instance here, so a renamed or retyped record component breaks the build. Adding an event type means adding
 * its sample to the aggregate's {@code <Aggregate>Samples} class and its golden file, with every field set.
 */
public final class EventSamples {

    public static final OrganizationId ORGANIZATION = new OrganizationId("org_d943e7f049a340fa9ce6d0cb0effe0c1");
    public static final EnvironmentId ENVIRONMENT = new EnvironmentId("env_587c4caafd204501ad2a229f41cf87a0");
    public static final AgentId AGENT = new AgentId("ag_9470848ee57345c29dcdc15c3411e00e");
    public static final UserId USER = new UserId("usr_8f49d09d45bf47009d5eee32f32e02db");
    public static final ChatId CHAT = new ChatId("ch_9faf070f060c46508ae2f156de276396");
    public static final MessageId MESSAGE = new MessageId("msg_d69f70180d16470488948985c1451287");
    public static final ClientMessageId CLIENT_MESSAGE = new ClientMessageId("cm_03c91c5c53d2437ca277fb1dc10a43cf");

    private static final Map<String, DomainEvent> BY_TYPE = new LinkedHashMap<>();

    static {
        // one class per aggregate, so that work on different aggregates never edits the same file
        BY_TYPE.putAll(OrganizationSamples.all());
        BY_TYPE.putAll(EnvironmentSamples.all());
        BY_TYPE.putAll(AgentSamples.all());
        BY_TYPE.putAll(UserSamples.all());
        BY_TYPE.putAll(ChatSamples.all());
    }

    private EventSamples() {
    }

    /** {@code <type-name>.v<version>}, the base name of the type's golden file. */
    public static String key(String name, int version) {
        return name + ".v" + version;
    }

    /** The expected instance for a {@code <type-name>.v<version>} key, if a sample exists. */
    public static Optional<DomainEvent> forType(String typeKey) {
        return Optional.ofNullable(BY_TYPE.get(typeKey));
    }

    /** The expected instance for a registered type; fails the calling test if the sample is missing. */
    public static DomainEvent forType(EventTypes.Key type) {
        String key = key(type.name(), type.version());
        return forType(key).orElseThrow(() -> new AssertionError(
                "no sample for " + key + ": add a fully populated instance to EventSamples"));
    }

    /** Every sample, keyed {@code <type-name>.v<version>}. */
    public static Map<String, DomainEvent> all() {
        return Map.copyOf(BY_TYPE);
    }
}
