package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.AgentEvent.AgentAdded;
import com.fastlightchat.kernel.event.AgentEvent.AgentPasswordSet;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationRenamed;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One fully populated instance per published event type, keyed {@code <type-name>.v<version>} like the golden
 * files under {@code src/test/resources/golden/}. The golden test compares each decoded golden file with the
 * instance here, so a renamed or retyped record component breaks the build. Adding an event type means adding
 * its sample here and its golden file, with every field set.
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
        add("organization.created", 1, new OrganizationCreated(ORGANIZATION, "Acme Support GmbH", AGENT));
        add("organization.renamed", 1, new OrganizationRenamed(ORGANIZATION, "Acme Customer Care GmbH"));
        add("environment.created", 1, new EnvironmentCreated(ORGANIZATION, ENVIRONMENT, "production",
                "pk_live_5Qm2tY8vRk3wN7zB", "ak_live_J4d9XsP2hL6cV1qE",
                "sha256:cd60ff07298db7ce2b91b736bd0e2622a8a3df9b6adf0d0d3cde12ac783a5ace"));
        add("agent.added", 1, new AgentAdded(ORGANIZATION, AGENT, "maria.keller@acme.example", AgentEvent.Role.ADMIN,
                new PersonProfile("Maria Keller", "maria.keller@acme.example", "+49 30 901820")));
        add("agent.password-set", 1, new AgentPasswordSet(ORGANIZATION, AGENT,
                "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"));
        add("user.booted", 1, new UserBooted(ORGANIZATION, USER, ENVIRONMENT, "veil_9b7fc8e0d3e2486b9003e973e36df56d"));
        add("chat.opened", 1, new ChatOpened(ORGANIZATION, CHAT, ENVIRONMENT, USER, Actor.user(USER.value())));
        add("chat.message-posted", 1, new MessagePosted(ORGANIZATION, CHAT, USER, MESSAGE, CLIENT_MESSAGE,
                Actor.agent(AGENT.value()), ChatEvent.Visibility.PUBLIC,
                new MessageContent("Hi Jonas, here is the invoice you asked for.", List.of(
                        new MessageContent.Attachment(
                                "org_d943e7f049a340fa9ce6d0cb0effe0c1/ch_9faf070f060c46508ae2f156de276396/att_5b1e0c2f.pdf",
                                "invoice-2025-0142.pdf", "application/pdf", 248311L)))));
    }

    private EventSamples() {
    }

    private static void add(String name, int version, DomainEvent event) {
        BY_TYPE.put(key(name, version), event);
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
