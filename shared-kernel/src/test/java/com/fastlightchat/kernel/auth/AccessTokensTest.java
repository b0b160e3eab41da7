package com.fastlightchat.kernel.auth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokensTest {

    private static final String SECRET = "k3y-0f-at-l3ast-32-bytes-for-hs256!!";
    private static final String OTHER_SECRET = "an0ther-k3y-0f-at-l3ast-32-bytes-xx";
    private static final Instant ISSUED_AT = Instant.parse("2025-04-22T16:40:00Z");
    private static final Instant EXPIRES_AT = ISSUED_AT.plus(Duration.ofMinutes(15));
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private MutableClock clock;
    private AccessTokens tokens;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(ISSUED_AT.plusSeconds(30));
        tokens = AccessTokens.fromSecret(SECRET, clock);
    }

    private static TokenClaims agentClaims() {
        return new TokenClaims("ag_9470848ee57345c29dcdc15c3411e00e", TokenClaims.Kind.AGENT,
                "org_d943e7f049a340fa9ce6d0cb0effe0c1", null, "ADMIN", ISSUED_AT, EXPIRES_AT);
    }

    private static TokenClaims userClaims() {
        return new TokenClaims("usr_8f49d09d45bf47009d5eee32f32e02db", TokenClaims.Kind.USER,
                "org_d943e7f049a340fa9ce6d0cb0effe0c1", "env_587c4caafd204501ad2a229f41cf87a0", null,
                ISSUED_AT, EXPIRES_AT);
    }

    // --- round trip ------------------------------------------------------------------------------------------------

    @Test
    void givenAgentClaims_whenIssuedAndVerified_thenSameClaimsComeBack() {
        String token = tokens.issue(agentClaims());

        assertThat(tokens.verify(token, TokenClaims.Kind.AGENT)).isEqualTo(agentClaims());
    }

    @Test
    void givenUserClaimsWithEnvironment_whenIssuedAndVerified_thenSameClaimsComeBack() {
        String token = tokens.issue(userClaims());

        TokenClaims verified = tokens.verify(token, TokenClaims.Kind.USER);

        assertThat(verified).isEqualTo(userClaims());
        assertThat(verified.environmentId()).isEqualTo("env_587c4caafd204501ad2a229f41cf87a0");
        assertThat(verified.role()).isNull();
    }

    @Test
    void givenToken_whenVerifiedByAnotherInstanceWithTheSameSecret_thenAccepted() {
        String token = tokens.issue(agentClaims());
        AccessTokens otherService = new AccessTokens(SECRET.getBytes(StandardCharsets.UTF_8), clock);

        assertThat(otherService.verify(token, TokenClaims.Kind.AGENT).subject())
                .isEqualTo("ag_9470848ee57345c29dcdc15c3411e00e");
    }

    @Test
    void givenIssuedToken_whenInspected_thenItIsACompactHs256JwtWithTheIssuer() {
        String[] parts = tokens.issue(agentClaims()).split("\\.");

        assertThat(parts).hasSize(3);
        assertThat(decode(parts[0])).contains("\"alg\":\"HS256\"").contains("\"typ\":\"JWT\"");
        assertThat(decode(parts[1])).contains("\"iss\":\"fast-light-chat\"").contains("\"knd\":\"agent\"")
                .contains("\"exp\":" + EXPIRES_AT.getEpochSecond());
        assertThat(B64D.decode(parts[2])).hasSize(32);
    }

    // --- tampering -------------------------------------------------------------------------------------------------

    @Test
    void givenTamperedPayload_whenVerifying_thenRejected() {
        String[] parts = tokens.issue(agentClaims()).split("\\.");
        String forgedBody = decode(parts[1])
                .replace("ag_9470848ee57345c29dcdc15c3411e00e", "ag_00000000000000000000000000000001");
        String forged = parts[0] + "." + encode(forgedBody) + "." + parts[2];

        assertRejected(forged, TokenClaims.Kind.AGENT, "signature");
    }

    @Test
    void givenPayloadWithEscalatedRole_whenVerifying_thenRejected() {
        String[] parts = tokens.issue(agentClaims()).split("\\.");
        String forgedBody = decode(parts[1]).replace("\"rol\":\"ADMIN\"", "\"rol\":\"OWNER\"");
        assertThat(forgedBody).contains("OWNER");

        assertRejected(parts[0] + "." + encode(forgedBody) + "." + parts[2], TokenClaims.Kind.AGENT, "signature");
    }

    @Test
    void givenTamperedSignature_whenVerifying_thenRejected() {
        String[] parts = tokens.issue(agentClaims()).split("\\.");
        byte[] signature = B64D.decode(parts[2]);
        signature[7] ^= 0x01;
        String forged = parts[0] + "." + parts[1] + "." + B64.encodeToString(signature);

        assertRejected(forged, TokenClaims.Kind.AGENT, "signature");
    }

    @Test
    void givenTruncatedSignature_whenVerifying_thenRejected() {
        String token = tokens.issue(agentClaims());

        assertRejected(token.substring(0, token.length() - 4), TokenClaims.Kind.AGENT, null);
    }

    @Test
    void givenTokenSignedWithAnotherSecret_whenVerifying_thenRejected() {
        String foreign = AccessTokens.fromSecret(OTHER_SECRET, clock).issue(agentClaims());

        assertRejected(foreign, TokenClaims.Kind.AGENT, "signature");
    }

    @Test
    void givenSecretArrayChangedAfterConstruction_whenVerifying_thenOriginalKeyStillUsed() {
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        AccessTokens keptCopy = new AccessTokens(secret, clock);
        String token = keptCopy.issue(agentClaims());

        Arrays.fill(secret, (byte) 0);

        assertThat(keptCopy.verify(token, TokenClaims.Kind.AGENT)).isEqualTo(agentClaims());
    }

    // --- header swapping -------------------------------------------------------------------------------------------

    @Test
    void givenAlgNoneHeaderWithoutSignature_whenVerifying_thenRejected() {
        String[] parts = tokens.issue(agentClaims()).split("\\.");
        String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        assertRejected(none + "." + parts[1] + ".", TokenClaims.Kind.AGENT, "malformed");
        assertRejected(none + "." + parts[1], TokenClaims.Kind.AGENT, "malformed");
    }

    @Test
    void givenAlgNoneHeaderKeepingTheOriginalSignature_whenVerifying_thenRejected() {
        String[] parts = tokens.issue(agentClaims()).split("\\.");
        String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        assertRejected(none + "." + parts[1] + "." + parts[2], TokenClaims.Kind.AGENT, "malformed");
    }

    @Test
    void givenOtherAlgorithmHeaderCorrectlySignedWithTheSecret_whenVerifying_thenRejected() {
        String[] parts = tokens.issue(agentClaims()).split("\\.");
        String header = encode("{\"alg\":\"HS512\",\"typ\":\"JWT\"}");
        String signingInput = header + "." + parts[1];

        assertRejected(signingInput + "." + hmac(SECRET, signingInput), TokenClaims.Kind.AGENT, "malformed");
    }

    // --- key rotation ----------------------------------------------------------------------------------------------

    @Test
    void givenIssuedToken_whenInspected_thenItsHeaderNamesTheCurrentKey() {
        String header = decode(tokens.issue(agentClaims()).split("\\.")[0]);

        assertThat(tokens.keyId()).hasSize(16).isNotEqualTo(AccessTokens.fromSecret(OTHER_SECRET, clock).keyId());
        assertThat(header).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + tokens.keyId() + "\"}");
    }

    @Test
    void givenRotatedKey_whenVerifyingATokenOfThePreviousKey_thenAcceptedUntilThePreviousKeyIsRemoved() {
        String before = tokens.issue(agentClaims());
        AccessTokens rotated = AccessTokens.fromSecrets(OTHER_SECRET, List.of(SECRET), clock);
        AccessTokens previousRemoved = AccessTokens.fromSecret(OTHER_SECRET, clock);

        assertThat(rotated.verify(before, TokenClaims.Kind.AGENT)).isEqualTo(agentClaims());
        assertThatThrownBy(() -> previousRemoved.verify(before, TokenClaims.Kind.AGENT))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature");
    }

    @Test
    void givenRotatedKey_whenIssuing_thenTheNewKeySignsAndAServiceNotYetRotatedRefusesIt() {
        AccessTokens rotated = AccessTokens.fromSecrets(OTHER_SECRET, List.of(SECRET), clock);

        String after = rotated.issue(agentClaims());

        assertThat(decode(after.split("\\.")[0])).contains(rotated.keyId()).doesNotContain(tokens.keyId());
        assertThat(AccessTokens.fromSecret(OTHER_SECRET, clock).verify(after, TokenClaims.Kind.AGENT))
                .isEqualTo(agentClaims());
        assertRejected(after, TokenClaims.Kind.AGENT, "signature");
    }

    @Test
    void givenTokenWithoutKeyId_whenVerifiedAfterARotation_thenCheckedAgainstEveryConfiguredKey() {
        String legacy = signedToken("{\"iss\":\"fast-light-chat\",\"sub\":\"ag_1\",\"knd\":\"agent\",\"org\":\"org_1\","
                + "\"iat\":" + ISSUED_AT.getEpochSecond() + ",\"exp\":" + EXPIRES_AT.getEpochSecond() + "}");

        assertThat(AccessTokens.fromSecrets(OTHER_SECRET, List.of(SECRET), clock)
                .verify(legacy, TokenClaims.Kind.AGENT).subject()).isEqualTo("ag_1");
        assertThatThrownBy(() -> AccessTokens.fromSecret(OTHER_SECRET, clock).verify(legacy, TokenClaims.Kind.AGENT))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature");
    }

    @Test
    void givenTokenSignedWithOneKeyNamingAnother_whenVerifying_thenRejected() {
        AccessTokens rotated = AccessTokens.fromSecrets(OTHER_SECRET, List.of(SECRET), clock);
        String[] parts = tokens.issue(agentClaims()).split("\\.");
        String claimsNewKey = rotated.issue(agentClaims()).split("\\.")[0];

        assertThatThrownBy(() -> rotated.verify(claimsNewKey + "." + parts[1] + "." + parts[2], TokenClaims.Kind.AGENT))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature");
    }

    @Test
    void givenPreviousSecretShorterThan32Bytes_whenCreating_thenRejected() {
        assertThatThrownBy(() -> AccessTokens.fromSecrets(SECRET, List.of("short"), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThat(AccessTokens.fromSecrets(SECRET, List.of(" ", ""), clock).keyId()).isEqualTo(tokens.keyId());
    }

    @Test
    void givenOversizedToken_whenVerifying_thenRejectedBeforeDecoding() {
        String token = tokens.issue(agentClaims());
        String padded = token.substring(0, token.indexOf('.') + 1) + "A".repeat(AccessTokens.MAX_TOKEN_LENGTH)
                + token.substring(token.indexOf('.') + 1);

        assertRejected(padded, TokenClaims.Kind.AGENT, "malformed");
    }

    // --- claims ----------------------------------------------------------------------------------------------------

    @Test
    void givenUserToken_whenVerifiedAsAgentToken_thenRejected() {
        String token = tokens.issue(userClaims());

        assertRejected(token, TokenClaims.Kind.AGENT, "token is of kind user, expected agent");
    }

    @Test
    void givenRefreshToken_whenVerifiedAsAccessToken_thenRejected() {
        TokenClaims refresh = new TokenClaims("ag_9470848ee57345c29dcdc15c3411e00e", TokenClaims.Kind.REFRESH,
                "org_d943e7f049a340fa9ce6d0cb0effe0c1", null, null, ISSUED_AT, ISSUED_AT.plus(Duration.ofDays(30)));
        String token = tokens.issue(refresh);

        assertRejected(token, TokenClaims.Kind.AGENT, "token is of kind refresh, expected agent");
        assertThat(tokens.verify(token, TokenClaims.Kind.REFRESH).kind()).isEqualTo(TokenClaims.Kind.REFRESH);
    }

    @Test
    void givenClockOneSecondBeforeExpiry_whenVerifying_thenAccepted() {
        String token = tokens.issue(agentClaims());
        clock.set(EXPIRES_AT.minusSeconds(1));

        assertThatCode(() -> tokens.verify(token, TokenClaims.Kind.AGENT)).doesNotThrowAnyException();
    }

    @Test
    void givenClockAtExpiry_whenVerifying_thenRejectedAsExpired() {
        String token = tokens.issue(agentClaims());
        clock.set(EXPIRES_AT);

        assertRejected(token, TokenClaims.Kind.AGENT, "expired");
    }

    @Test
    void givenClockPastExpiry_whenVerifying_thenRejectedAsExpired() {
        String token = tokens.issue(agentClaims());
        assertThat(tokens.verify(token, TokenClaims.Kind.AGENT)).isNotNull();

        clock.advance(Duration.ofHours(1));

        assertRejected(token, TokenClaims.Kind.AGENT, "expired");
    }

    @Test
    void givenCorrectlySignedTokenFromAnotherIssuer_whenVerifying_thenRejected() {
        String token = signedToken("{\"iss\":\"someone-else\",\"sub\":\"ag_1\",\"knd\":\"agent\",\"org\":\"org_1\","
                + "\"iat\":" + ISSUED_AT.getEpochSecond() + ",\"exp\":" + EXPIRES_AT.getEpochSecond() + "}");

        assertRejected(token, TokenClaims.Kind.AGENT, "issuer");
    }

    @Test
    void givenCorrectlySignedTokenWithoutExpiry_whenVerifying_thenRejectedAsExpired() {
        String token = signedToken("{\"iss\":\"fast-light-chat\",\"sub\":\"ag_1\",\"knd\":\"agent\",\"org\":\"org_1\"}");

        assertRejected(token, TokenClaims.Kind.AGENT, "expired");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"iss\":\"fast-light-chat\",\"knd\":\"agent\",\"org\":\"org_1\",\"exp\":EXP}",
            "{\"iss\":\"fast-light-chat\",\"sub\":\"ag_1\",\"knd\":\"agent\",\"exp\":EXP}",
            "{\"iss\":\"fast-light-chat\",\"sub\":42,\"knd\":\"agent\",\"org\":\"org_1\",\"exp\":EXP}",
            "{\"iss\":\"fast-light-chat\",\"sub\":\"ag_1\",\"knd\":\"robot\",\"org\":\"org_1\",\"exp\":EXP}",
            "{\"iss\":\"fast-light-chat\",\"sub\":\"ag_1\",\"org\":\"org_1\",\"exp\":EXP}",
            "[\"fast-light-chat\"]",
            "not json at all",
            ""})
    void givenCorrectlySignedButIncompleteOrInvalidBody_whenVerifying_thenRejected(String body) {
        String token = signedToken(body.replace("EXP", String.valueOf(EXPIRES_AT.getEpochSecond())));

        assertRejected(token, TokenClaims.Kind.AGENT, null);
    }

    // --- garbage ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "garbage", "a.b", "a.b.c", "a.b.c.d", "..", "...", "Bearer x.y.z",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9..",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.!!not-base64!!",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.%%%.AAAA"})
    void givenGarbage_whenVerifying_thenRejected(String token) {
        assertRejected(token, TokenClaims.Kind.AGENT, null);
    }

    // --- secret ----------------------------------------------------------------------------------------------------

    @Test
    void givenSecretOf31Bytes_whenCreating_thenRejected() {
        assertThatThrownBy(() -> new AccessTokens(new byte[31], clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void givenShortOrMissingSecretString_whenCreating_thenRejected() {
        assertThatThrownBy(() -> AccessTokens.fromSecret("changeme", clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokens.fromSecret(null, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokens.fromSecret("", clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenSecretOfExactly32Bytes_whenCreating_thenTokensRoundTrip() {
        AccessTokens minimal = AccessTokens.fromSecret("x".repeat(32), clock);

        assertThat(minimal.verify(minimal.issue(agentClaims()), TokenClaims.Kind.AGENT)).isEqualTo(agentClaims());
    }

    @Test
    void givenClaimsWithoutRequiredValue_whenCreated_thenRejected() {
        assertThatThrownBy(() -> new TokenClaims(null, TokenClaims.Kind.AGENT, "org_1", null, null,
                ISSUED_AT, EXPIRES_AT)).isInstanceOf(NullPointerException.class).hasMessage("subject");
        assertThatThrownBy(() -> new TokenClaims("ag_1", TokenClaims.Kind.AGENT, "org_1", null, null,
                ISSUED_AT, null)).isInstanceOf(NullPointerException.class).hasMessage("expiresAt");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void assertRejected(String token, TokenClaims.Kind kind, String reason) {
        var assertion = assertThatThrownBy(() -> tokens.verify(token, kind)).isInstanceOf(InvalidTokenException.class);
        if (reason != null) {
            assertion.hasMessageContaining(reason);
        }
    }

    /** A token with the exact header {@link AccessTokens} writes, signed with the right secret. */
    private static String signedToken(String body) {
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(body);
        return signingInput + "." + hmac(SECRET, signingInput);
    }

    private static String hmac(String secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(B64D.decode(part), StandardCharsets.UTF_8);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
