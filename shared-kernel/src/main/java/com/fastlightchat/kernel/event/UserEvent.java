package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.privacy.DataSubject;
import com.fastlightchat.kernel.privacy.PersonalData;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events of an end user: a visitor or member of the customer's site, seen through the SDK. A user is anonymous
 * until it is identified as a member (the customer's own id for the person, verified by a member hash); an
 * anonymous user who logs in as a member that already has a user is merged into that user. The user is the data
 * subject of its events: member id, profile and custom attributes are sealed with the user's key.
 */
public sealed interface UserEvent extends DomainEvent, DataSubject {

    UserId userId();

    @Override
    default String aggregateId() {
        return userId().value();
    }

    @Override
    default AggregateType aggregateType() {
        return AggregateType.USER;
    }

    @Override
    default String dataSubjectId() {
        return userId().value();
    }

    /** An anonymous visitor booted the SDK; {@code veilId} is the id the SDK keeps on the device. */
    @EventType(name = "user.booted", version = 1)
    record UserBooted(OrganizationId organizationId, UserId userId, EnvironmentId environmentId, String veilId)
            implements UserEvent {
    }

    /**
     * The user proved to be member {@code memberId} of the environment (the customer's pseudonymous id for the
     * person) and is from now on that member's one user.
     */
    @EventType(name = "user.identified", version = 1)
    record UserIdentified(OrganizationId organizationId, UserId userId, EnvironmentId environmentId,
                          @PersonalData String memberId) implements UserEvent {
    }

    /**
     * The anonymous user identified as member {@code memberId}, who already had user {@code mergedInto}: this user
     * ends here, and its chats move to {@code mergedInto}.
     */
    @EventType(name = "user.merged", version = 1)
    record UserMerged(OrganizationId organizationId, UserId userId, EnvironmentId environmentId, UserId mergedInto,
                      @PersonalData String memberId) implements UserEvent {
    }

    /** The user's profile changed; {@code profile} is the whole profile after the change. */
    @EventType(name = "user.profile-updated", version = 1)
    record UserProfileUpdated(OrganizationId organizationId, UserId userId, EnvironmentId environmentId,
                              PersonProfile profile) implements UserEvent {
    }

    /** The user's custom attributes changed; {@code attributes} are all of them after the change. */
    @EventType(name = "user.attributes-updated", version = 1)
    record UserAttributesUpdated(OrganizationId organizationId, UserId userId, EnvironmentId environmentId,
                                 CustomAttributes attributes) implements UserEvent {
    }

    /**
     * The user's personal data was erased at the request of an owner, an admin or the customer's backend: the user's
     * key is deleted, so every sealed value of the user, in the event store, on Kafka and in any copy, reads as
     * erased from now on; non-personal history (ids, sequences, times, states) stays. The user accepts no further
     * change, and its chats ({@code chatIds}, those that are the user's at the erasure) take no new message.
     * Consumers drop what they copied of the user and of those chats. Follows nothing in particular; a second
     * erasure records nothing.
     */
    @EventType(name = "user.erased", version = 1)
    record UserErased(OrganizationId organizationId, UserId userId, EnvironmentId environmentId, List<ChatId> chatIds)
            implements UserEvent {
        public UserErased {
            chatIds = chatIds == null ? List.of() : List.copyOf(chatIds);
        }
    }

    /**
     * The customer's own facts about an end user (plan, sign-up date…): personal data, sealed value by value with the
     * user's key (the keys are not personal). Values are strings, booleans or numbers; numbers are normalised to
     * {@link Long} when integral and to {@link Double} otherwise, so that a value reads back equal to what was written.
     */
    record CustomAttributes(@PersonalData Map<String, Object> values) {
        public static final CustomAttributes EMPTY = new CustomAttributes(Map.of());

        public CustomAttributes {
            Map<String, Object> normalized = new LinkedHashMap<>();
            if (values != null) {
                values.forEach((key, value) -> normalized.put(key, normalize(value)));
            }
            values = Collections.unmodifiableMap(normalized);
        }

        private static Object normalize(Object value) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger big) {
                return big.bitLength() < 64 ? (Object) big.longValue() : big.doubleValue();
            }
            if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
                BigDecimal decimal = new BigDecimal(number.toString());
                if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0
                        && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                    return decimal.longValue();
                }
                return number.doubleValue();
            }
            return value;
        }
    }
}
