package com.fastlightchat.command.chat;

import com.fastlightchat.web.Rejection;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A chat. Its events are numbered 1, 2, 3… without gaps (the envelope's sequence = Axon's sequence + 1), which is
 * what clients use to detect and fill gaps.
 */
@Aggregate
public class Chat {

    /** The longest message text accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 10_000;

    @AggregateIdentifier
    private ChatId id;
    private OrganizationId organizationId;
    private UserId userId;
    /** Client message id → (message id, sequence) of every message posted, for idempotent retries. */
    private final Map<ClientMessageId, PostMessage.Receipt> posted = new HashMap<>();

    protected Chat() {
    }

    @CommandHandler
    public Chat(OpenChat command) {
        apply(new ChatOpened(command.organizationId(), command.chatId(), command.environmentId(), command.userId(),
                command.openedBy()));
    }

    @CommandHandler
    public PostMessage.Receipt handle(PostMessage command) {
        requireAccess(command.organizationId(), command.author());
        PostMessage.Receipt earlier = posted.get(command.clientMessageId());
        if (earlier != null) {
            return new PostMessage.Receipt(earlier.chatId(), earlier.messageId(), earlier.sequence(), true);
        }
        String text = command.content().text();
        if (text == null || text.isBlank()) {
            throw Rejection.invalid("text", "must not be blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw Rejection.invalid("text", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (command.visibility() == Visibility.INTERNAL && command.author().kind() != Actor.Kind.AGENT) {
            throw Rejection.invalid("visibility", "only agents can write internal notes");
        }
        apply(new MessagePosted(organizationId, id, userId, command.messageId(), command.clientMessageId(),
                command.author(), command.visibility(), command.content()));
        return posted.get(command.clientMessageId());
    }

    /** Another tenant's chat, or another user's, is reported as missing so that its existence does not leak. */
    private void requireAccess(OrganizationId callerOrganization, Actor author) {
        boolean sameTenant = organizationId.equals(callerOrganization);
        boolean allowed = switch (author.kind()) {
            case USER -> sameTenant && userId.value().equals(author.id());
            case AGENT, BOT, SYSTEM -> sameTenant;
        };
        if (!allowed) {
            throw Rejection.notFound("chat");
        }
    }

    @EventSourcingHandler
    void on(ChatOpened event) {
        id = event.chatId();
        organizationId = event.organizationId();
        userId = event.userId();
    }

    @EventSourcingHandler
    void on(MessagePosted event, @SequenceNumber long sequenceNumber) {
        posted.put(event.clientMessageId(), new PostMessage.Receipt(event.chatId().value(),
                event.messageId().value(), sequenceNumber + 1, false));
    }

}
