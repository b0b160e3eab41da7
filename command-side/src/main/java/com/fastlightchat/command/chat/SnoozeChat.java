package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Puts the chat aside until {@code until}, which must be after {@code requestedAt} and at most a year later. The
 * caller supplies {@code requestedAt} (its clock) so that the decision is repeatable in tests.
 */
public record SnoozeChat(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId, Instant until,
                         Instant requestedAt, Actor snoozedBy) {
}
