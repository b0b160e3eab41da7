package com.fastlightchat.command.user;

import com.fastlightchat.command.platform.AggregateCaching;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.event.UserEvent.CustomAttributes;
import com.fastlightchat.kernel.event.UserEvent.UserAttributesUpdated;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.event.UserEvent.UserIdentified;
import com.fastlightchat.kernel.event.UserEvent.UserMerged;
import com.fastlightchat.kernel.event.UserEvent.UserProfileUpdated;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.web.Rejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An end user of one environment: anonymous until identified as a member; an anonymous user who turns out to be a
 * member that already has a user is merged into it and accepts no further change. Once its personal data is erased
 * it accepts no change either, and keeps none of it in memory. Callers of another organization or environment are
 * told the user does not exist.
 */
@Aggregate(cache = AggregateCaching.CACHE)
public class User {

    /** The customer's id for a member: visible ASCII, no spaces. */
    public static final Pattern MEMBER_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    public static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,39}");
    public static final int MAX_ATTRIBUTES = 50;
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 1000;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_EMAIL_LENGTH = 320;
    public static final int MAX_PHONE_LENGTH = 32;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{2,31}");

    @AggregateIdentifier
    private UserId id;
    private OrganizationId organizationId;
    private EnvironmentId environmentId;
    private String memberId;
    private UserId mergedInto;
    private PersonProfile profile = PersonProfile.EMPTY;
    private CustomAttributes attributes = CustomAttributes.EMPTY;
    private boolean erased;

    protected User() {
    }

    @CommandHandler
    public User(BootUser command) {
        apply(new UserBooted(command.organizationId(), command.userId(), command.environmentId(), command.veilId()));
        if (command.memberId() != null) {
            apply(new UserIdentified(command.organizationId(), command.userId(), command.environmentId(),
                    requireMemberId(command.memberId())));
        }
    }

    @CommandHandler
    void handle(IdentifyUser command) {
        requireActive(command.organizationId(), command.environmentId());
        String member = requireMemberId(command.memberId());
        if (member.equals(memberId)) {
            return;
        }
        if (memberId != null) {
            throw Rejection.conflict("memberId", "this user is already another member");
        }
        apply(new UserIdentified(organizationId, id, environmentId, member));
    }

    @CommandHandler
    void handle(MergeUser command) {
        requireAccess(command.organizationId(), command.environmentId());
        if (command.mergedInto().equals(mergedInto)) {
            return;
        }
        requireActive(command.organizationId(), command.environmentId());
        if (memberId != null) {
            throw Rejection.conflict("memberId", "an identified member is never merged into another user");
        }
        if (command.mergedInto().equals(id)) {
            throw Rejection.invalid("mergedInto", "a user cannot be merged into itself");
        }
        apply(new UserMerged(organizationId, id, environmentId, command.mergedInto(),
                requireMemberId(command.memberId())));
    }

    @CommandHandler
    UpdateUserProfile.Result handle(UpdateUserProfile command) {
        requireActive(command.organizationId(), command.environmentId());
        PersonProfile newProfile = command.profile() == null ? profile : changedProfile(command.profile());
        CustomAttributes newAttributes = command.attributes() == null ? attributes
                : changedAttributes(command.attributes());
        boolean changed = false;
        if (!newProfile.equals(profile)) {
            apply(new UserProfileUpdated(organizationId, id, environmentId, newProfile));
            changed = true;
        }
        if (!newAttributes.equals(attributes)) {
            apply(new UserAttributesUpdated(organizationId, id, environmentId, newAttributes));
            changed = true;
        }
        return new UpdateUserProfile.Result(id.value(), changed);
    }

    /** Erases the user's personal data; a second erasure records nothing. */
    @CommandHandler
    void handle(EraseUser command) {
        if (!organizationId.equals(command.organizationId())
                || command.environmentId() != null && !environmentId.equals(command.environmentId())) {
            throw Rejection.notFound("user");
        }
        if (!erased) {
            apply(new UserErased(organizationId, id, environmentId, command.chatIds()));
        }
    }

    private PersonProfile changedProfile(PersonProfile change) {
        return new PersonProfile(
                field("name", change.name(), profile.name(), MAX_NAME_LENGTH, null),
                field("email", change.email(), profile.email(), MAX_EMAIL_LENGTH, EMAIL),
                field("phone", change.phone(), profile.phone(), MAX_PHONE_LENGTH, PHONE));
    }

    private static String field(String name, String change, String current, int maxLength, Pattern shape) {
        if (change == null) {
            return current;
        }
        String value = change.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw Rejection.invalid(name, "must be at most " + maxLength + " characters");
        }
        if (shape != null && !shape.matcher(value).matches()) {
            throw Rejection.invalid(name, "is not a valid " + name);
        }
        return value;
    }

    private CustomAttributes changedAttributes(Map<String, Object> change) {
        Map<String, Object> result = new LinkedHashMap<>(attributes.values());
        change.forEach((key, value) -> {
            if (key == null || !ATTRIBUTE_KEY.matcher(key).matches()) {
                throw Rejection.invalid("attributes",
                        "keys must start with a letter and have at most 40 letters, digits or '_'");
            }
            if (value == null) {
                result.remove(key);
                return;
            }
            String field = "attributes." + key;
            switch (value) {
                case String text when text.length() > MAX_ATTRIBUTE_VALUE_LENGTH ->
                        throw Rejection.invalid(field, "must be at most " + MAX_ATTRIBUTE_VALUE_LENGTH + " characters");
                case Number number when !Double.isFinite(number.doubleValue()) ->
                        throw Rejection.invalid(field, "must be a finite number");
                case String text -> result.put(key, text);
                case Number number -> result.put(key, number);
                case Boolean flag -> result.put(key, flag);
                default -> throw Rejection.invalid(field, "must be a string, a number or a boolean");
            }
        });
        if (result.size() > MAX_ATTRIBUTES) {
            throw Rejection.invalid("attributes", "at most " + MAX_ATTRIBUTES + " attributes per user");
        }
        return new CustomAttributes(result);
    }

    private static String requireMemberId(String memberId) {
        if (memberId == null || !MEMBER_ID.matcher(memberId).matches()) {
            throw Rejection.invalid("memberId", "must be 1-128 visible ASCII characters without spaces");
        }
        return memberId;
    }

    /** Another tenant's or environment's user is reported as missing so that its existence does not leak. */
    private void requireAccess(OrganizationId callerOrganization, EnvironmentId callerEnvironment) {
        if (!organizationId.equals(callerOrganization) || !environmentId.equals(callerEnvironment)) {
            throw Rejection.notFound("user");
        }
    }

    private void requireActive(OrganizationId callerOrganization, EnvironmentId callerEnvironment) {
        requireAccess(callerOrganization, callerEnvironment);
        if (erased) {
            throw Rejection.conflict("userId", "this user's personal data was erased; boot again");
        }
        if (mergedInto != null) {
            throw Rejection.conflict("userId", "this user was merged into another user; boot again");
        }
    }

    @EventSourcingHandler
    void on(UserBooted event) {
        id = event.userId();
        organizationId = event.organizationId();
        environmentId = event.environmentId();
    }

    @EventSourcingHandler
    void on(UserIdentified event) {
        memberId = event.memberId();
    }

    @EventSourcingHandler
    void on(UserMerged event) {
        mergedInto = event.mergedInto();
    }

    @EventSourcingHandler
    void on(UserProfileUpdated event) {
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(UserAttributesUpdated event) {
        attributes = event.attributes();
    }

    @EventSourcingHandler
    void on(UserErased event) {
        erased = true;
        memberId = null;
        profile = PersonProfile.EMPTY;
        attributes = CustomAttributes.EMPTY;
    }
}
