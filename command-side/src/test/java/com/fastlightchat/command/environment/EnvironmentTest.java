package com.fastlightchat.command.environment;

import com.fastlightchat.command.RejectionMatchers;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.event.EnvironmentEvent.AllowedOriginsChanged;
import com.fastlightchat.kernel.event.EnvironmentEvent.ApiKeyRotated;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.event.EnvironmentEvent.MemberSecretIssued;
import com.fastlightchat.kernel.event.EnvironmentEvent.PluginKeyRotated;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.web.Rejection;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentTest {

    private static final OrganizationId ORG = new OrganizationId("org_1");
    private static final OrganizationId OTHER_ORG = new OrganizationId("org_2");
    private static final EnvironmentId ENV = new EnvironmentId("env_1");
    private static final Requester OWNER = new Requester(new AgentId("ag_owner"), Role.OWNER);
    private static final Requester ADMIN = new Requester(new AgentId("ag_admin"), Role.ADMIN);
    private static final Requester AGENT = new Requester(new AgentId("ag_agent"), Role.AGENT);
    private static final String SECRET = "ms_first";
    private static final EnvironmentCreated CREATED = new EnvironmentCreated(ORG, ENV, "staging", "pk_1", "ak_1", "hash_1");
    private static final MemberSecretIssued SECRET_ISSUED = new MemberSecretIssued(ORG, ENV,
            EnvironmentSecrets.fingerprint(SECRET), Actor.agent("ag_owner"));

    private final Map<EnvironmentId, String> storedSecrets = new HashMap<>();
    private AggregateTestFixture<Environment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Environment.class);
        fixture.registerInjectableResource((MemberSecretStore) (org, env, secret) -> storedSecrets.put(env, secret));
    }

    private static CreateEnvironment create(String name, Requester requester) {
        return new CreateEnvironment(ENV, ORG, name, "pk_1", "ak_1", "hash_1", SECRET, requester);
    }

    @Test
    void givenNothing_whenAdminCreatesEnvironment_thenCreatedAndMemberSecretStoredButOnlyItsFingerprintInEvents() {
        fixture.givenNoPriorActivity()
                .when(create("  staging ", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CREATED, new MemberSecretIssued(ORG, ENV, EnvironmentSecrets.fingerprint(SECRET),
                        Actor.agent("ag_admin")));
        assertThat(storedSecrets).containsEntry(ENV, SECRET);
        assertThat(EnvironmentSecrets.fingerprint(SECRET)).hasSize(8).doesNotContain(SECRET);
    }

    @Test
    void givenNothing_whenAgentCreatesEnvironment_thenForbiddenAndNothingStored() {
        fixture.givenNoPriorActivity()
                .when(create("staging", AGENT))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage("only owners and admins create environments");
        assertThat(storedSecrets).isEmpty();
    }

    @Test
    void givenNothing_whenNameIsBlankOrTooLong_thenRejectedNamingName() {
        fixture.givenNoPriorActivity()
                .when(create(" ", OWNER))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectException(RejectionMatchers.rejectedField("name"));
        fixture.givenNoPriorActivity()
                .when(create("x".repeat(Environment.MAX_NAME_LENGTH + 1), OWNER))
                .expectNoEvents()
                .expectException(Rejection.class);
    }

    @Test
    void givenEnvironment_whenOwnerRotatesApiKey_thenRotatedNamingThePreviousKey() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(new RotateApiKey(ENV, ORG, "ak_2", "hash_2", OWNER))
                .expectEvents(new ApiKeyRotated(ORG, ENV, "ak_2", "hash_2", "ak_1", Actor.agent("ag_owner")));
    }

    @Test
    void givenRotatedApiKey_whenSameRotationArrivesAgain_thenNothingHappens() {
        fixture.given(CREATED, SECRET_ISSUED, new ApiKeyRotated(ORG, ENV, "ak_2", "hash_2", "ak_1", Actor.agent("ag_owner")))
                .when(new RotateApiKey(ENV, ORG, "ak_2", "hash_2", OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenEnvironment_whenAdminRotatesApiKey_thenForbidden() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(new RotateApiKey(ENV, ORG, "ak_2", "hash_2", ADMIN))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage("only owners rotate an environment's keys and secrets");
    }

    @Test
    void givenEnvironment_whenOwnerOfAnotherOrganizationRotatesApiKey_thenNotFound() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(new RotateApiKey(ENV, OTHER_ORG, "ak_2", "hash_2", OWNER))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage("environment not found");
    }

    @Test
    void givenEnvironment_whenOwnerRotatesPluginKey_thenRotatedNamingThePreviousKey() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(new RotatePluginKey(ENV, ORG, "pk_2", OWNER))
                .expectEvents(new PluginKeyRotated(ORG, ENV, "pk_2", "pk_1", Actor.agent("ag_owner")));
    }

    @Test
    void givenRotatedPluginKey_whenSameRotationArrivesAgain_thenNothingHappens() {
        fixture.given(CREATED, SECRET_ISSUED, new PluginKeyRotated(ORG, ENV, "pk_2", "pk_1", Actor.agent("ag_owner")))
                .when(new RotatePluginKey(ENV, ORG, "pk_2", OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenEnvironment_whenAgentRotatesPluginKey_thenForbidden() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(new RotatePluginKey(ENV, ORG, "pk_2", AGENT))
                .expectNoEvents()
                .expectException(Rejection.class);
    }

    @Test
    void givenEnvironment_whenOwnerOfAnotherOrganizationRotatesPluginKey_thenNotFound() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(new RotatePluginKey(ENV, OTHER_ORG, "pk_2", OWNER))
                .expectNoEvents()
                .expectExceptionMessage("environment not found");
    }

    @Test
    void givenEnvironment_whenOwnerRotatesMemberSecret_thenNewSecretStoredAndOnlyItsFingerprintInTheEvent() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(new RotateMemberSecret(ENV, ORG, "ms_second", OWNER))
                .expectEvents(new MemberSecretIssued(ORG, ENV, EnvironmentSecrets.fingerprint("ms_second"),
                        Actor.agent("ag_owner")));
        assertThat(storedSecrets).containsEntry(ENV, "ms_second");
    }

    @Test
    void givenMemberSecret_whenTheSameSecretIsIssuedAgain_thenNothingHappens() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(new RotateMemberSecret(ENV, ORG, SECRET, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(storedSecrets).isEmpty();
    }

    @Test
    void givenEnvironment_whenAdminRotatesMemberSecret_thenForbiddenAndNothingStored() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(new RotateMemberSecret(ENV, ORG, "ms_second", ADMIN))
                .expectNoEvents()
                .expectException(Rejection.class);
        assertThat(storedSecrets).isEmpty();
    }

    @Test
    void givenEnvironment_whenOwnerOfAnotherOrganizationRotatesMemberSecret_thenNotFoundAndNothingStored() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(new RotateMemberSecret(ENV, OTHER_ORG, "ms_second", OWNER))
                .expectNoEvents()
                .expectExceptionMessage("environment not found");
        assertThat(storedSecrets).isEmpty();
    }

    // --- allowed origins -------------------------------------------------------------------------------------------

    private static SetAllowedOrigins origins(Requester requester, OrganizationId organization, String... origins) {
        return new SetAllowedOrigins(ENV, organization, Arrays.asList(origins), requester);
    }

    @Test
    void givenEnvironment_whenAdminSetsOrigins_thenNormalizedAsBrowsersSendThemWithoutDuplicates() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(origins(ADMIN, ORG, "HTTPS://Shop.Example.com:443/", "http://localhost:3000",
                        "https://bücher.example", "https://shop.example.com"))
                .expectEvents(new AllowedOriginsChanged(ORG, ENV, List.of("https://shop.example.com",
                        "http://localhost:3000", "https://xn--bcher-kva.example"), Actor.agent("ag_admin")));
    }

    @Test
    void givenOriginsSet_whenTheSameSetComesAgain_thenNoEvent_andAnEmptyListAllowsAnySiteAgain() {
        AllowedOriginsChanged set = new AllowedOriginsChanged(ORG, ENV, List.of("https://shop.example.com"),
                Actor.agent("ag_owner"));
        fixture.given(CREATED, SECRET_ISSUED, set)
                .when(origins(OWNER, ORG, "https://SHOP.example.com"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(CREATED, SECRET_ISSUED, set)
                .when(origins(OWNER, ORG))
                .expectEvents(new AllowedOriginsChanged(ORG, ENV, List.of(), Actor.agent("ag_owner")));
    }

    @Test
    void givenEnvironment_whenAnAgentOrAnotherOrganizationSetsOrigins_thenForbiddenOrNotFound() {
        fixture.given(CREATED, SECRET_ISSUED)
                .when(origins(AGENT, ORG, "https://shop.example.com"))
                .expectNoEvents()
                .expectException(RejectionMatchers.rejection(Rejection.Kind.FORBIDDEN, null));
        fixture.given(CREATED, SECRET_ISSUED)
                .when(origins(OWNER, OTHER_ORG, "https://shop.example.com"))
                .expectNoEvents()
                .expectException(RejectionMatchers.rejection(Rejection.Kind.NOT_FOUND, null));
    }

    @Test
    void givenEnvironment_whenAnOriginIsNotASchemeHostAndPort_thenRejectedNamingIt() {
        for (String bad : List.of("shop.example.com", "ftp://shop.example.com", "https://shop.example.com/path",
                "https://user@shop.example.com", "https://shop.example.com?x=1", "https://", " ", "*",
                "https://shop.example.com#top", "javascript:alert(1)", "https://" + "a".repeat(260) + ".com")) {
            fixture.given(CREATED, SECRET_ISSUED)
                    .when(origins(OWNER, ORG, "https://ok.example.com", bad))
                    .expectNoEvents()
                    .expectException(RejectionMatchers.rejectedField("allowedOrigins[1]"));
        }
        fixture.given(CREATED, SECRET_ISSUED)
                .when(origins(OWNER, ORG, "https://ok.example.com", null))
                .expectNoEvents()
                .expectException(RejectionMatchers.rejectedField("allowedOrigins[1]"));
        fixture.given(CREATED, SECRET_ISSUED)
                .when(new SetAllowedOrigins(ENV, ORG, null, OWNER))
                .expectNoEvents()
                .expectException(RejectionMatchers.rejectedField("allowedOrigins"));
    }
}
