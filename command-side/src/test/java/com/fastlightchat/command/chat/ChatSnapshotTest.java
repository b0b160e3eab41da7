package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.envelope.KernelJson;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.AssignmentReason;
import com.fastlightchat.kernel.event.ChatEvent.ChatAssigned;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatPriorityChanged;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByAgent;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByUser;
import com.fastlightchat.kernel.event.ChatEvent.ChatSnoozed;
import com.fastlightchat.kernel.event.ChatEvent.ChatTagged;
import com.fastlightchat.kernel.event.ChatEvent.MessageDeleted;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Priority;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import com.fastlightchat.kernel.privacy.SubjectKeys;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A chat's state survives the Jackson 3 snapshot serializer unchanged (the IT proves loading from a snapshot). */
class ChatSnapshotTest {

    private static final OrganizationId ORG = new OrganizationId("org_1");
    private static final ChatId CHAT = new ChatId("ch_1");
    private static final UserId USER = new UserId("usr_1");
    private static final Actor AGENT = Actor.agent("ag_1");

    @Test
    void givenChatWithEveryKindOfState_whenSerializedAndRead_thenStateIsEqualAndReserializesIdentically() {
        Chat chat = new Chat();
        chat.on(new ChatOpened(ORG, CHAT, new EnvironmentId("env_1"), USER, Actor.user(USER.value())));
        chat.on(new MessagePosted(ORG, CHAT, USER, new MessageId("msg_1"), new ClientMessageId("cm_1"), AGENT,
                Visibility.INTERNAL, MessageContent.text("note")), 1);
        chat.on(new MessageDeleted(ORG, CHAT, USER, new MessageId("msg_1"), AGENT, Visibility.INTERNAL));
        chat.on(new ChatReadByUser(ORG, CHAT, USER, 2));
        chat.on(new ChatReadByAgent(ORG, CHAT, USER, new AgentId("ag_1"), 3));
        chat.on(new ChatAssigned(ORG, CHAT, USER, new AgentId("ag_1"), "team_1", AssignmentReason.MANUAL, AGENT));
        chat.on(new ChatSnoozed(ORG, CHAT, USER, Instant.parse("2026-03-01T12:00:00.123Z"), AGENT));
        chat.on(new ChatTagged(ORG, CHAT, USER, "billing", AGENT));
        chat.on(new ChatPriorityChanged(ORG, CHAT, USER, Priority.HIGH, Priority.NORMAL, AGENT));
        Jackson3Serializer serializer = Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(KernelJson::configure).build();

        SerializedObject<String> snapshot = serializer.serialize(chat, String.class);
        Chat restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(chat);
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
        assertThat(snapshot.getData()).contains("\"assignedTeam\":\"team_1\"", "\"billing\"", "\"status\":\"SNOOZED\"")
                .doesNotContain("note");
    }

    @Test
    void givenCipher_whenChatIsSnapshotted_thenContentDigestsAreSealedWithTheUsersKeyAndOpenAsErasedAfterErasure() {
        Chat chat = new Chat();
        chat.on(new ChatOpened(ORG, CHAT, new EnvironmentId("env_1"), USER, Actor.user(USER.value())));
        chat.on(new MessagePosted(ORG, CHAT, USER, new MessageId("msg_1"), new ClientMessageId("cm_1"),
                Actor.user(USER.value()), Visibility.PUBLIC, MessageContent.text("my IBAN is AT61 1904 3002 3457 3201")), 1);
        String digest = Chat.digest(MessageContent.text("my IBAN is AT61 1904 3002 3457 3201"));
        TestKeys keys = new TestKeys();
        Jackson3Serializer serializer = Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(builder -> KernelJson.configure(builder, new PersonalDataCipher(keys)))
                .build();

        SerializedObject<String> snapshot = serializer.serialize(chat, String.class);

        assertThat(snapshot.getData()).doesNotContain(digest).contains("\"contentDigest\":\"enc:v1:usr_1:");
        assertThat((Chat) serializer.deserialize(snapshot)).usingRecursiveComparison().isEqualTo(chat);
        keys.erased = true;
        Chat afterErasure = serializer.deserialize(snapshot);
        assertThat(afterErasure).usingRecursiveComparison().ignoringFields("messages").isEqualTo(chat);
        assertThat(afterErasure).extracting("messages").asString().contains(PersonalDataCipher.ERASED)
                .doesNotContain(digest);
    }

    /** One user's key in memory, until it is erased. */
    private static final class TestKeys implements SubjectKeys {
        private final SecretKey key;
        private boolean erased;

        TestKeys() {
            byte[] bytes = new byte[32];
            new java.security.SecureRandom().nextBytes(bytes);
            key = new SecretKeySpec(bytes, "AES");
        }

        @Override
        public Optional<SecretKey> sealingKey(String subjectId) {
            return openingKey(subjectId);
        }

        @Override
        public Optional<SecretKey> openingKey(String subjectId) {
            return erased ? Optional.empty() : Optional.of(key);
        }
    }
}
