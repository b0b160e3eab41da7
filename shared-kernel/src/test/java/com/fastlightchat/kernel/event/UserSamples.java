package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.UserEvent.CustomAttributes;
import com.fastlightchat.kernel.event.UserEvent.UserAttributesUpdated;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.event.UserEvent.UserIdentified;
import com.fastlightchat.kernel.event.UserEvent.UserMerged;
import com.fastlightchat.kernel.event.UserEvent.UserProfileUpdated;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.UserId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.kernel.event.EventSamples.*;

/** Samples of end-user events for {@link EventSamples}: one fully populated instance per type and version. */
final class UserSamples {

    private static final UserId MEMBER_USER = new UserId("usr_2b6c1e0f9a8d4c3b8e7f6a5d4c3b2a19");

    private UserSamples() {
    }

    static Map<String, DomainEvent> all() {
        Map<String, DomainEvent> samples = new LinkedHashMap<>();
        samples.put(key("user.booted", 1), new UserBooted(ORGANIZATION, USER, ENVIRONMENT,
                "veil_9b7fc8e0d3e2486b9003e973e36df56d"));
        samples.put(key("user.identified", 1), new UserIdentified(ORGANIZATION, USER, ENVIRONMENT, "customer-48213"));
        samples.put(key("user.merged", 1), new UserMerged(ORGANIZATION, USER, ENVIRONMENT, MEMBER_USER,
                "customer-48213"));
        samples.put(key("user.profile-updated", 1), new UserProfileUpdated(ORGANIZATION, USER, ENVIRONMENT,
                new PersonProfile("Jonas Berger", "jonas.berger@example.org", "+43 660 1234567")));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("plan", "pro");
        attributes.put("seats", 12);
        attributes.put("mrr", 49.5);
        attributes.put("trial", false);
        samples.put(key("user.attributes-updated", 1), new UserAttributesUpdated(ORGANIZATION, USER, ENVIRONMENT,
                new CustomAttributes(attributes)));
        samples.put(key("user.erased", 1), new UserErased(ORGANIZATION, USER, ENVIRONMENT,
                List.of(CHAT, new ChatId("ch_0b1c2d3e4f5a46b7889900aabbccddee"))));
        return samples;
    }
}
