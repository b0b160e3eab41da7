package com.fastlightchat.kernel.envelope;

import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.kernel.id.TypedId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import com.fastlightchat.kernel.privacy.PersonalDataJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.util.function.Function;

/**
 * The one JSON mapping of kernel types: typed ids as plain strings, instants as ISO-8601, unknown properties
 * tolerated (a newer producer may add optional fields). Every module that reads or writes events uses
 * {@link #module()} so that the event store, Kafka and HTTP all agree. A mapper configured with a
 * {@link PersonalDataCipher} ({@link #configure(JsonMapper.Builder, PersonalDataCipher)}) seals personal fields
 * when it writes and opens them when it reads; the plain one leaves them as they are.
 */
public final class KernelJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private KernelJson() {
    }

    /** A shared, thread-safe mapper configured for kernel types. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A new mapper that seals and opens personal data with {@code cipher}; build one and share it. */
    public static JsonMapper mapper(PersonalDataCipher cipher) {
        return configure(JsonMapper.builder(), cipher).build();
    }

    /** Applies the kernel's settings to a mapper under construction (e.g. Axon's or Spring's). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.addModule(module())
                .addModule(PersonalDataJson.module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The kernel's settings, and personal data sealed and opened with {@code cipher}. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder, PersonalDataCipher cipher) {
        return configure(builder).defaultAttributes(PersonalDataJson.attributes(cipher));
    }

    /** Serializers for every typed id. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("fast-light-chat-kernel");
        module.addSerializer(TypedId.class, new ValueSerializer<>() {
            @Override
            public void serialize(TypedId value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.value());
            }
        });
        addId(module, OrganizationId.class, OrganizationId::new);
        addId(module, EnvironmentId.class, EnvironmentId::new);
        addId(module, AgentId.class, AgentId::new);
        addId(module, UserId.class, UserId::new);
        addId(module, ChatId.class, ChatId::new);
        addId(module, MessageId.class, MessageId::new);
        addId(module, ClientMessageId.class, ClientMessageId::new);
        addId(module, TeamId.class, TeamId::new);
        return module;
    }

    private static <T extends TypedId> void addId(SimpleModule module, Class<T> type, Function<String, T> factory) {
        module.addDeserializer(type, new ValueDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                return factory.apply(p.getValueAsString());
            }
        });
    }
}
