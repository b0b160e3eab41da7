package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events of an end user: a visitor or member of the customer's site, seen through the SDK. A user is anonymous
 * until it is identified as a member (the customer's own id for the person, verified by a member hash); an
 * anonymous user who logs in as a member that already has a user is merged into that user.
 */
public sealed interface UserEvent extends DomainEvent {

    UserId userId();

    @Override
    default String aggregateId() {
        return userId().value();
    }

    @Override
    default AggregateType aggregateType() {
        return AggregateType.USER;
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
    record UserIdentified(OrganizationId organizationId, UserId userId, EnvironmentId environmentId, String memberId)
            implements UserEvent {
    }

    /**
     * The anonymous user identified as member {@code memberId}, who already had user {@code mergedInto}: this user
     * ends here, and its chats move to {@code mergedInto}.
     */
    @EventType(name = "user.merged", version = 1)
    record UserMerged(OrganizationId organizationId, UserId userId, EnvironmentId environmentId, UserId mergedInto,
                      String memberId) implements UserEvent {
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
     * The customer's own facts about an end user (plan, sign-up date…): personal data, encrypted per user in #9.
     * Values are strings, booleans or numbers; numbers are normalised to {@link Long} when integral and to
     * {@link Double} otherwise, so that a value reads back equal to what was written.
     */
    record CustomAttributes(Map<String, Object> values) {
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
