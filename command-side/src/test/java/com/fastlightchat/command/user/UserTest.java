package com.fastlightchat.command.user;

import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.event.UserEvent.CustomAttributes;
import com.fastlightchat.kernel.event.UserEvent.UserAttributesUpdated;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.event.UserEvent.UserIdentified;
import com.fastlightchat.kernel.event.UserEvent.UserMerged;
import com.fastlightchat.kernel.event.UserEvent.UserProfileUpdated;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.web.Rejection;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.command.RejectionMatchers.rejection;
import static com.fastlightchat.command.RejectionMatchers.rejectedField;

class UserTest {

    private static final OrganizationId ORG = new OrganizationId("org_1");
    private static final OrganizationId OTHER_ORG = new OrganizationId("org_2");
    private static final EnvironmentId ENV = new EnvironmentId("env_1");
    private static final EnvironmentId OTHER_ENV = new EnvironmentId("env_2");
    private static final UserId USER = new UserId("usr_1");
    private static final UserId MEMBER_USER = new UserId("usr_member");
    private static final UserBooted BOOTED = new UserBooted(ORG, USER, ENV, "veil_1");
    private static final UserIdentified IDENTIFIED = new UserIdentified(ORG, USER, ENV, "member-7");
    private static final UserMerged MERGED = new UserMerged(ORG, USER, ENV, MEMBER_USER, "member-7");

    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    private static UpdateUserProfile update(PersonProfile profile, Map<String, Object> attributes) {
        return new UpdateUserProfile(USER, ORG, ENV, profile, attributes);
    }

    private static Map<String, Object> attributes(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void givenNothing_whenAnonymousDeviceBoots_thenUserBooted() {
        fixture.givenNoPriorActivity()
                .when(new BootUser(USER, ORG, ENV, "veil_1"))
                .expectEvents(BOOTED);
    }

    @Test
    void givenNothing_whenNewMemberBoots_thenUserBootedAndIdentified() {
        fixture.givenNoPriorActivity()
                .when(new BootUser(USER, ORG, ENV, "veil_1", "member-7"))
                .expectEvents(BOOTED, IDENTIFIED);
    }

    @Test
    void givenNothing_whenMemberIdHasSpaces_thenRejectedNamingMemberId() {
        fixture.givenNoPriorActivity()
                .when(new BootUser(USER, ORG, ENV, "veil_1", "member 7"))
                .expectNoEvents()
                .expectException(rejectedField("memberId"));
    }

    @Test
    void givenAnonymousUser_whenIdentified_thenUserIdentified() {
        fixture.given(BOOTED)
                .when(new IdentifyUser(USER, ORG, ENV, "member-7"))
                .expectEvents(IDENTIFIED);
    }

    @Test
    void givenIdentifiedUser_whenIdentifiedAsTheSameMemberAgain_thenNothingHappens() {
        fixture.given(BOOTED, IDENTIFIED)
                .when(new IdentifyUser(USER, ORG, ENV, "member-7"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenIdentifiedUser_whenIdentifiedAsAnotherMember_thenConflict() {
        fixture.given(BOOTED, IDENTIFIED)
                .when(new IdentifyUser(USER, ORG, ENV, "member-8"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "memberId"));
    }

    @Test
    void givenUserOfAnotherEnvironment_whenIdentified_thenNotFound() {
        fixture.given(BOOTED)
                .when(new IdentifyUser(USER, ORG, OTHER_ENV, "member-7"))
                .expectNoEvents()
                .expectExceptionMessage("user not found");
    }

    @Test
    void givenMergedUser_whenIdentified_thenConflict() {
        fixture.given(BOOTED, MERGED)
                .when(new IdentifyUser(USER, ORG, ENV, "member-9"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "userId"));
    }

    @Test
    void givenAnonymousUser_whenMergedIntoMembersUser_thenUserMerged() {
        fixture.given(BOOTED)
                .when(new MergeUser(USER, ORG, ENV, MEMBER_USER, "member-7"))
                .expectEvents(MERGED);
    }

    @Test
    void givenMergedUser_whenMergedIntoTheSameUserAgain_thenNothingHappens() {
        fixture.given(BOOTED, MERGED)
                .when(new MergeUser(USER, ORG, ENV, MEMBER_USER, "member-7"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenMergedUser_whenMergedIntoAnotherUser_thenConflict() {
        fixture.given(BOOTED, MERGED)
                .when(new MergeUser(USER, ORG, ENV, new UserId("usr_other"), "member-8"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "userId"));
    }

    @Test
    void givenIdentifiedUser_whenMerged_thenConflict() {
        fixture.given(BOOTED, IDENTIFIED)
                .when(new MergeUser(USER, ORG, ENV, MEMBER_USER, "member-7"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "memberId"));
    }

    @Test
    void givenAnonymousUser_whenMergedIntoItself_thenRejectedNamingMergedInto() {
        fixture.given(BOOTED)
                .when(new MergeUser(USER, ORG, ENV, USER, "member-7"))
                .expectNoEvents()
                .expectException(rejectedField("mergedInto"));
    }

    @Test
    void givenUserOfAnotherOrganization_whenMerged_thenNotFound() {
        fixture.given(BOOTED)
                .when(new MergeUser(USER, OTHER_ORG, ENV, MEMBER_USER, "member-7"))
                .expectNoEvents()
                .expectExceptionMessage("user not found");
    }

    @Test
    void givenUser_whenProfileAndAttributesChange_thenBothUpdatedWithTheWholeNewState() {
        fixture.given(BOOTED, new UserAttributesUpdated(ORG, USER, ENV, new CustomAttributes(attributes("plan", "free", "old", true))))
                .when(update(new PersonProfile(" Jonas ", "jonas@example.org", "+43 660 1234567"),
                        attributes("plan", "pro", "seats", 12, "old", null)))
                .expectEvents(
                        new UserProfileUpdated(ORG, USER, ENV, new PersonProfile("Jonas", "jonas@example.org", "+43 660 1234567")),
                        new UserAttributesUpdated(ORG, USER, ENV, new CustomAttributes(attributes("plan", "pro", "seats", 12L))))
                .expectResultMessagePayload(new UpdateUserProfile.Result("usr_1", true));
    }

    @Test
    void givenProfile_whenOnlyTheEmailIsGivenAndThePhoneIsBlank_thenNameKeptAndPhoneCleared() {
        fixture.given(BOOTED, new UserProfileUpdated(ORG, USER, ENV, new PersonProfile("Jonas", "a@example.org", "+431234")))
                .when(update(new PersonProfile(null, "b@example.org", " "), null))
                .expectEvents(new UserProfileUpdated(ORG, USER, ENV, new PersonProfile("Jonas", "b@example.org", null)));
    }

    @Test
    void givenProfileAndAttributes_whenTheSameValuesAreSentAgain_thenNothingHappens() {
        fixture.given(BOOTED,
                        new UserProfileUpdated(ORG, USER, ENV, new PersonProfile("Jonas", null, null)),
                        new UserAttributesUpdated(ORG, USER, ENV, new CustomAttributes(attributes("seats", 12L, "mrr", 49.5))))
                .when(update(new PersonProfile("Jonas", null, null), attributes("seats", 12, "mrr", 49.5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new UpdateUserProfile.Result("usr_1", false));
    }

    @Test
    void givenUser_whenEmailIsMalformed_thenRejectedNamingEmail() {
        fixture.given(BOOTED)
                .when(update(new PersonProfile(null, "not-an-email", null), null))
                .expectNoEvents()
                .expectException(rejectedField("email"));
    }

    @Test
    void givenUser_whenPhoneIsMalformed_thenRejectedNamingPhone() {
        fixture.given(BOOTED)
                .when(update(new PersonProfile(null, null, "call me"), null))
                .expectNoEvents()
                .expectException(rejectedField("phone"));
    }

    @Test
    void givenUser_whenNameIsTooLong_thenRejectedNamingName() {
        fixture.given(BOOTED)
                .when(update(new PersonProfile("x".repeat(User.MAX_NAME_LENGTH + 1), null, null), null))
                .expectNoEvents()
                .expectException(rejectedField("name"));
    }

    @Test
    void givenUser_whenAttributeKeyBreaksThePattern_thenRejectedNamingAttributes() {
        fixture.given(BOOTED)
                .when(update(null, attributes("1plan", "pro")))
                .expectNoEvents()
                .expectException(rejectedField("attributes"));
        fixture.given(BOOTED)
                .when(update(null, attributes("k".repeat(41), "pro")))
                .expectNoEvents()
                .expectException(rejectedField("attributes"));
    }

    @Test
    void givenUser_whenAttributeValueIsTooLong_thenRejectedNamingTheAttribute() {
        fixture.given(BOOTED)
                .when(update(null, attributes("note", "x".repeat(User.MAX_ATTRIBUTE_VALUE_LENGTH + 1))))
                .expectNoEvents()
                .expectException(rejectedField("attributes.note"));
    }

    @Test
    void givenUser_whenAttributeValueIsAnObjectOrList_thenRejectedNamingTheAttribute() {
        fixture.given(BOOTED)
                .when(update(null, attributes("address", Map.of("city", "Vienna"))))
                .expectNoEvents()
                .expectException(rejectedField("attributes.address"));
        fixture.given(BOOTED)
                .when(update(null, attributes("tags", List.of("a"))))
                .expectNoEvents()
                .expectException(rejectedField("attributes.tags"));
    }

    @Test
    void givenFiftyAttributes_whenOneMoreIsAdded_thenRejectedNamingAttributes() {
        Map<String, Object> fifty = new HashMap<>();
        for (int i = 0; i < User.MAX_ATTRIBUTES; i++) {
            fifty.put("a" + i, i);
        }
        fixture.given(BOOTED, new UserAttributesUpdated(ORG, USER, ENV, new CustomAttributes(fifty)))
                .when(update(null, attributes("one_more", true)))
                .expectNoEvents()
                .expectException(rejectedField("attributes"));
    }

    @Test
    void givenUserOfAnotherEnvironment_whenProfileUpdated_thenNotFound() {
        fixture.given(BOOTED)
                .when(new UpdateUserProfile(USER, ORG, OTHER_ENV, new PersonProfile("Eve", null, null), null))
                .expectNoEvents()
                .expectExceptionMessage("user not found");
    }

    @Test
    void givenUserOfAnotherOrganization_whenProfileUpdated_thenNotFound() {
        fixture.given(BOOTED)
                .when(new UpdateUserProfile(USER, OTHER_ORG, ENV, new PersonProfile("Eve", null, null), null))
                .expectNoEvents()
                .expectExceptionMessage("user not found");
    }

    @Test
    void givenMergedUser_whenProfileUpdated_thenConflict() {
        fixture.given(BOOTED, MERGED)
                .when(update(new PersonProfile("Jonas", null, null), null))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "userId"));
    }

    // --- erasure

    private static final List<ChatId> CHATS = List.of(new ChatId("ch_1"), new ChatId("ch_2"));
    private static final UserErased ERASED = new UserErased(ORG, USER, ENV, CHATS);

    @Test
    void givenUserWithProfile_whenOwnerErases_thenUserErasedNamingItsChats() {
        fixture.given(BOOTED, IDENTIFIED, new UserProfileUpdated(ORG, USER, ENV, new PersonProfile("Jonas", null, null)))
                .when(new EraseUser(USER, ORG, null, CHATS))
                .expectEvents(ERASED);
    }

    @Test
    void givenErasedUser_whenErasedAgain_thenNothingRecorded() {
        fixture.given(BOOTED, ERASED)
                .when(new EraseUser(USER, ORG, ENV, CHATS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenMergedUser_whenErased_thenUserErased() {
        fixture.given(BOOTED, MERGED)
                .when(new EraseUser(USER, ORG, ENV, List.of()))
                .expectEvents(new UserErased(ORG, USER, ENV, List.of()));
    }

    @Test
    void givenUserOfAnotherOrganizationOrEnvironment_whenErased_thenNotFound() {
        fixture.given(BOOTED)
                .when(new EraseUser(USER, OTHER_ORG, null, List.of()))
                .expectNoEvents()
                .expectExceptionMessage("user not found");
        fixture.given(BOOTED)
                .when(new EraseUser(USER, ORG, OTHER_ENV, List.of()))
                .expectNoEvents()
                .expectExceptionMessage("user not found");
    }

    @Test
    void givenErasedUser_whenProfileUpdatedOrIdentified_thenConflictAndNothingRecorded() {
        fixture.given(BOOTED, ERASED)
                .when(update(new PersonProfile("Jonas", null, null), attributes("plan", "pro")))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "userId"));
        fixture.given(BOOTED, ERASED)
                .when(new IdentifyUser(USER, ORG, ENV, "member-7"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "userId"));
    }

    @Test
    void givenErasedUser_whenState_thenNoPersonalDataIsKeptInMemory() {
        fixture.given(BOOTED, IDENTIFIED, new UserProfileUpdated(ORG, USER, ENV, new PersonProfile("Jonas", "j@x.org",
                        null)), new UserAttributesUpdated(ORG, USER, ENV, new CustomAttributes(Map.of("plan", "pro"))),
                        ERASED)
                .when(new EraseUser(USER, ORG, ENV, CHATS))
                .expectNoEvents()
                .expectState(user -> org.assertj.core.api.Assertions.assertThat(user)
                        .extracting("memberId", "profile", "attributes")
                        .containsExactly(null, PersonProfile.EMPTY, CustomAttributes.EMPTY));
    }
}
