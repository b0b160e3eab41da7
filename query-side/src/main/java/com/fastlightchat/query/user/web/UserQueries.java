package com.fastlightchat.query.user.web;

import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.query.chat.ChatSummary;
import com.fastlightchat.query.chat.Chats;
import com.fastlightchat.query.chat.web.ChatView;
import com.fastlightchat.query.user.Users;
import com.fastlightchat.query.user.Users.User;
import com.fastlightchat.web.Rejection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The end users of the caller's organization, for the dashboard ({@code Authorization: Bearer}, any role). Another
 * organization's user is answered exactly like a missing one, and never listed.
 */
@RestController
public class UserQueries {

    public static final int MAX_PAGE = 100;
    public static final int MAX_QUERY_LENGTH = 200;

    /** @param nextCursor pass as {@code cursor} for the next page; null on the last page */
    public record UserPage(List<User> users, String nextCursor) {
    }

    /** One of the user's chats; {@code chat} is its inbox row, null while the chats model has not seen it yet. */
    public record UserChat(String chatId, ChatView chat) {
    }

    public record UserChats(String userId, List<UserChat> chats) {
    }

    private final Users users;
    private final MongoTemplate mongo;

    public UserQueries(Users users, MongoTemplate mongo) {
        this.users = users;
        this.mongo = mongo;
    }

    /**
     * Users by id, optionally those whose name or e-mail starts with {@code query}, or whose member id is
     * {@code query}, ignoring case; users merged into another are left out. {@code limit} 1..100 (default 25).
     */
    @GetMapping("/v1/users")
    public UserPage search(AgentIdentity agent, @RequestParam(required = false) String query,
                           @RequestParam(defaultValue = "25") int limit,
                           @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw Rejection.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw Rejection.invalid("query", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (query != null && query.indexOf('\u0000') >= 0) {
            // MongoDB cannot search for it (BSON strings end at NUL), and no name or e-mail contains it.
            throw Rejection.invalid("query", "must not contain the NUL character");
        }
        List<User> rows = users.search(agent.organizationId(), query, cursor == null ? null : decode(cursor),
                limit + 1);
        List<User> page = rows.stream().limit(limit).toList();
        return new UserPage(page, rows.size() > limit ? encode(rows.get(limit - 1).userId()) : null);
    }

    @GetMapping("/v1/users/{userId}")
    public User user(AgentIdentity agent, @PathVariable String userId) {
        Ids.require(userId, "userId");
        return users.find(agent.organizationId(), userId).orElseThrow(() -> Rejection.notFound("user"));
    }

    /** The user's chats with their inbox rows, most recent activity first (chats without a row yet last). */
    @GetMapping("/v1/users/{userId}/chats")
    public UserChats chats(AgentIdentity agent, @PathVariable String userId) {
        User user = user(agent, userId);
        Map<String, ChatView> rows = mongo.find(Query.query(Criteria.where("_id").in(user.chatIds())
                        .and("organizationId").is(agent.organizationId())), ChatSummary.class, Chats.COLLECTION)
                .stream().map(ChatView::of).collect(Collectors.toMap(ChatView::chatId, Function.identity()));
        List<UserChat> chats = user.chatIds().stream().map(id -> new UserChat(id, rows.get(id)))
                .sorted(Comparator.comparing((UserChat c) -> c.chat() == null ? null : c.chat().lastActivityAt(),
                        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(UserChat::chatId))
                .toList();
        return new UserChats(user.userId(), chats);
    }

    /** The cursor: base64url of the last user id of the page. */
    static String encode(String userId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(userId.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            String userId = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!Ids.FORMAT.matcher(userId).matches()) {
                throw new IllegalArgumentException(userId);
            }
            return userId;
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("cursor", "is not a cursor this search gave out");
        }
    }
}
