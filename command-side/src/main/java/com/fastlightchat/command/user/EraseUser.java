package com.fastlightchat.command.user;

import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Erases a user's personal data (crypto-shredding: its key is deleted); {@code organizationId} is the caller's, and
 * {@code environmentId} too for a backend integration (null for the dashboard, which sees every environment of its
 * organization). {@code chatIds} are the user's chats now, whose copies consumers drop. Idempotent.
 */
public record EraseUser(@TargetAggregateIdentifier UserId userId, OrganizationId organizationId,
                        EnvironmentId environmentId, List<ChatId> chatIds) {
    public EraseUser {
        chatIds = chatIds == null ? List.of() : List.copyOf(chatIds);
    }
}
