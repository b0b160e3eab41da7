package com.fastlightchat.query.chat.web;

import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.event.UnreadMessages.Reader;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.query.chat.ChatSummary;
import com.fastlightchat.query.chat.Chats;
import com.fastlightchat.query.chat.Chats.FolderCounts;
import com.fastlightchat.query.chat.Chats.Folder;
import com.fastlightchat.query.chat.Chats.InboxFilter;
import com.fastlightchat.query.chat.Chats.Position;
import com.fastlightchat.query.chat.web.MessagePages.MessagePage;
import com.fastlightchat.query.chat.web.MessagePages.PageRequest;
import com.fastlightchat.query.platform.ReadYourWrites;
import com.fastlightchat.web.Rejection;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The agents' inbox and chats, for the dashboard ({@code Authorization: Bearer}). Every agent of an organization,
 * whatever the role, sees all of its chats, internal notes included; a chat of another organization is answered
 * exactly like a missing one.
 */
@RestController
public class AgentChatQueries {

    public static final int MAX_INBOX_PAGE = 100;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** @param nextCursor pass as {@code cursor} for the next page; null on the last page */
    public record InboxPage(List<ChatView> chats, String nextCursor) {
    }

    private final Chats chats;
    private final MessagePages pages;

    public AgentChatQueries(Chats chats, MessagePages pages) {
        this.chats = chats;
        this.pages = pages;
    }

    /**
     * Chats of a folder ({@code mine} — open and assigned to the caller, {@code unassigned} — open without an agent,
     * {@code open}, {@code snoozed}, {@code closed}, {@code all}), optionally only a team's, a tag's or an agent's,
     * by last activity, newest first (ties by chat id). {@code cursor} is the opaque {@code nextCursor} of the
     * previous page.
     */
    @GetMapping("/v1/inbox")
    public InboxPage inbox(AgentIdentity agent,
                           @RequestParam(defaultValue = "all") String folder,
                           @RequestParam(required = false) String teamId,
                           @RequestParam(required = false) String tag,
                           @RequestParam(required = false) String assigneeId,
                           @RequestParam(defaultValue = "25") int limit,
                           @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_INBOX_PAGE) {
            throw Rejection.invalid("limit", "must be between 1 and " + MAX_INBOX_PAGE);
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw Rejection.invalid("tag", "must match " + TAG.pattern());
        }
        var filter = new InboxFilter(agent.organizationId(), folder(folder), agent.agentId(),
                teamId == null ? null : Ids.require(teamId, "teamId"), tag,
                assigneeId == null ? null : Ids.require(assigneeId, "assigneeId"));
        List<ChatSummary> rows = chats.inbox(filter, cursor == null ? null : decode(cursor), limit + 1);
        List<ChatView> page = rows.stream().limit(limit).map(ChatView::of).toList();
        String next = rows.size() > limit ? encode(rows.get(limit - 1)) : null;
        return new InboxPage(page, next);
    }

    /**
     * How many chats each folder holds; {@code mine} counts the caller's open chats. With {@code chatId} and
     * {@code awaitSequence=S} it first waits (bounded by {@code awaitMillis}) until that chat's row has applied its
     * event S — how the console recounts after a live event, which the edge may deliver before the inbox applied it;
     * if it has not in time, the answer carries {@code X-Read-Model-Stale: true}.
     */
    @GetMapping("/v1/inbox/counts")
    public ResponseEntity<FolderCounts> counts(AgentIdentity agent, @RequestParam(required = false) String chatId,
                                               @RequestParam(defaultValue = "0") long awaitSequence,
                                               @RequestParam(defaultValue = "2000") long awaitMillis) {
        boolean fresh = true;
        if (chatId != null) {
            Ids.require(chatId, "chatId");
            fresh = awaitRow(chatId, awaitSequence, awaitMillis);
        } else if (awaitSequence > 0) {
            throw Rejection.invalid("chatId", "is required with awaitSequence");
        } else if (awaitMillis < 0) {
            throw Rejection.invalid("awaitMillis", "must be 0 or more");
        }
        return ResponseEntity.ok().header(ReadYourWrites.STALE_HEADER, String.valueOf(!fresh))
                .body(chats.counts(agent.organizationId(), agent.agentId()));
    }

    /**
     * The inbox row of one chat. {@code awaitSequence=S} first waits (bounded by {@code awaitMillis}) until the row
     * has applied the chat's event S — how the console refreshes a row after a live event; if it has not in time,
     * the answer carries {@code X-Read-Model-Stale: true}.
     */
    @GetMapping("/v1/chats/{chatId}")
    public ResponseEntity<ChatView> chat(AgentIdentity agent, @PathVariable String chatId,
                                         @RequestParam(defaultValue = "0") long awaitSequence,
                                         @RequestParam(defaultValue = "2000") long awaitMillis) {
        Ids.require(chatId, "chatId");
        boolean fresh = awaitRow(chatId, awaitSequence, awaitMillis);
        ChatView view = chats.find(chatId).filter(chat -> inOrganization(agent, chat)).map(ChatView::of)
                .orElseThrow(() -> Rejection.notFound("chat"));
        return ResponseEntity.ok().header(ReadYourWrites.STALE_HEADER, String.valueOf(!fresh)).body(view);
    }

    /** Waits (at most {@code awaitMillis}) until the chat's inbox row applied its event {@code awaitSequence}. */
    private boolean awaitRow(String chatId, long awaitSequence, long awaitMillis) {
        if (awaitMillis < 0) {
            throw Rejection.invalid("awaitMillis", "must be 0 or more");
        }
        return ReadYourWrites.await(() -> chats.lastSequence(chatId), awaitSequence, Duration.ofMillis(awaitMillis));
    }

    /** The agents' unread badge of a chat, with the state it is folded from; read-your-writes as for messages. */
    @GetMapping("/v1/chats/{chatId}/unread")
    public ResponseEntity<UnreadView> unread(AgentIdentity agent, @PathVariable String chatId,
                                             @RequestParam(defaultValue = "0") long awaitSequence,
                                             @RequestParam(defaultValue = "2000") long awaitMillis) {
        Ids.require(chatId, "chatId");
        return UnreadView.of(chats, chatId, chat -> inOrganization(agent, chat), Reader.AGENTS, awaitSequence,
                awaitMillis);
    }

    /** A chat's messages with internal notes; paging and read-your-writes exactly as for the SDK. */
    @GetMapping("/v1/chats/{chatId}/messages")
    public ResponseEntity<MessagePage> messages(AgentIdentity agent, @PathVariable String chatId,
                                                @RequestParam(required = false) Long after,
                                                @RequestParam(required = false) Long before,
                                                @RequestParam(defaultValue = "50") int limit,
                                                @RequestParam(defaultValue = "0") long awaitSequence,
                                                @RequestParam(defaultValue = "2000") long awaitMillis) {
        Ids.require(chatId, "chatId");
        return pages.page(chatId, new PageRequest(after, before, limit, awaitSequence, awaitMillis),
                chat -> inOrganization(agent, chat), true);
    }

    private static boolean inOrganization(AgentIdentity agent, ChatSummary chat) {
        return agent.organizationId().equals(chat.organizationId());
    }

    private static Folder folder(String name) {
        try {
            return Folder.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("folder", "must be one of mine, unassigned, open, snoozed, closed, all");
        }
    }

    /** The cursor: base64url of {@code <lastActivityAt epoch millis>:<chatId>}. */
    static String encode(ChatSummary last) {
        String position = last.lastActivityAt().toEpochMilli() + ":" + last.chatId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = position.indexOf(':');
            String chatId = position.substring(colon + 1);
            if (colon < 1 || !Ids.FORMAT.matcher(chatId).matches()) {
                throw new IllegalArgumentException(position);
            }
            return new Position(Instant.ofEpochMilli(Long.parseLong(position.substring(0, colon))), chatId);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("cursor", "is not a cursor this inbox gave out");
        }
    }
}
