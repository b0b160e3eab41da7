package com.fastlightchat.examples.analytics;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live figures per organization from the public event stream, by event time ({@code occurredAt}):
 * <ul>
 *   <li>public messages (end users', agents' and bots') in the last minute before the organization's newest event;</li>
 *   <li>the median of the last {@value #SAMPLES} first response times: an agent's first public reply minus the moment
 *       the chat began waiting (its creation, or a reopen while nobody was waiting).</li>
 * </ul>
 * Duplicates (a sequence already seen for the chat) are ignored, as the envelope's {@code sequence} allows.
 */
public final class LiveMetrics {

    /** How many recent first responses the median is over. */
    public static final int SAMPLES = 100;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** One organization's figures. */
    public record Figures(int messagesLastMinute, Double firstResponseMedianSeconds, int firstResponses) {
    }

    private static final class Organization {
        final Deque<Instant> messages = new ArrayDeque<>();
        final Deque<Long> firstResponses = new ArrayDeque<>();
        Instant newest = Instant.EPOCH;
    }

    private static final class Chat {
        long sequence;
        Instant waitingSince;
    }

    private final Map<String, Organization> organizations = new TreeMap<>();
    private final Map<String, Chat> chats = new HashMap<>();

    /** Counts one envelope of {@code chat-events}; other topics' envelopes are ignored. */
    public void accept(JsonNode envelope) {
        if (!"chat".equals(envelope.path("aggregateType").asString())) {
            return;
        }
        Chat chat = chats.computeIfAbsent(envelope.path("aggregateId").asString(), id -> new Chat());
        long sequence = envelope.path("sequence").asLong();
        if (sequence <= chat.sequence) {
            return;
        }
        chat.sequence = sequence;
        Instant at = Instant.parse(envelope.path("occurredAt").asString());
        Organization organization = organizations.computeIfAbsent(envelope.path("organizationId").asString(),
                id -> new Organization());
        if (at.isAfter(organization.newest)) {
            organization.newest = at;
        }
        JsonNode payload = envelope.path("payload");
        switch (envelope.path("type").asString()) {
            case "chat.opened" -> chat.waitingSince = at;
            case "chat.reopened" -> {
                if (chat.waitingSince == null) {
                    chat.waitingSince = at;
                }
            }
            case "chat.closed" -> chat.waitingSince = null;
            case "chat.message-posted" -> {
                if (!"PUBLIC".equals(payload.path("visibility").asString())) {
                    return;
                }
                organization.messages.addLast(at);
                if ("AGENT".equals(payload.path("author").path("kind").asString()) && chat.waitingSince != null) {
                    organization.firstResponses.addLast(Duration.between(chat.waitingSince, at).toMillis());
                    if (organization.firstResponses.size() > SAMPLES) {
                        organization.firstResponses.removeFirst();
                    }
                    chat.waitingSince = null;
                }
            }
            default -> {
            }
        }
    }

    /** Every organization seen so far, by id. */
    public Map<String, Figures> snapshot() {
        Map<String, Figures> result = new TreeMap<>();
        organizations.forEach((id, organization) -> {
            Instant since = organization.newest.minus(MINUTE);
            // partitions interleave chats, so messages arrive roughly, not strictly, in time order
            organization.messages.removeIf(at -> !at.isAfter(since));
            List<Long> sorted = new ArrayList<>(organization.firstResponses);
            sorted.sort(null);
            result.put(id, new Figures(organization.messages.size(), median(sorted), sorted.size()));
        });
        return result;
    }

    /** A small table of {@link #snapshot()}. */
    public String render() {
        StringBuilder table = new StringBuilder(String.format("%-40s %14s %26s%n", "organization", "messages/min",
                "first response median (n)"));
        snapshot().forEach((id, figures) -> table.append(String.format("%-40s %14d %20s (%d)%n", id,
                figures.messagesLastMinute(), figures.firstResponseMedianSeconds() == null ? "-"
                        : String.format("%.1f s", figures.firstResponseMedianSeconds()), figures.firstResponses())));
        return table.toString();
    }

    private static Double median(List<Long> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        double millis = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return millis / 1000.0;
    }
}
