package com.fastlightchat.command.user.web;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.command.user.UserSessions;
import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import com.fastlightchat.kernel.auth.TokenClaims;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /v1/sdk/boot}: the SDK starts a session for a device. The same veil id always gives the same
 * anonymous user; no veil id makes a new anonymous visitor. With {@code memberId} and {@code memberHash} (hex
 * HMAC-SHA256 of the member id under the environment's member secret, computed by the customer's backend) the
 * device is that member, and its anonymous user is identified as or merged into the member. A wrong member hash is
 * a 401 naming {@code memberHash}. The answer carries the veil id to keep and the user token for later SDK calls.
 */
@RestController
public class SdkBootController {

    /**
     * @param veilId     the id the SDK keeps on the device, or null on first boot
     * @param memberId   the customer's id of a logged-in member, or null
     * @param memberHash required with {@code memberId}
     */
    public record BootRequest(String veilId, String memberId, String memberHash) {
    }

    public record BootResponse(String userId, String veilId, String userToken, Instant expiresAt) {
    }

    private final UserSessions sessions;
    private final AccessTokens tokens;
    private final CommandSideProperties properties;
    private final Clock clock;

    public SdkBootController(UserSessions sessions, AccessTokens tokens, CommandSideProperties properties,
                             Clock clock) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/v1/sdk/boot")
    public BootResponse boot(EnvironmentRef caller, @RequestBody(required = false) BootRequest request) {
        BootRequest boot = request == null ? new BootRequest(null, null, null) : request;
        UserSessions.Session session = sessions.boot(caller, boot.veilId(), boot.memberId(), boot.memberHash());
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.userTokenTtl());
        String token = tokens.issue(new TokenClaims(session.userId().value(), TokenClaims.Kind.USER,
                caller.organizationId(), caller.environmentId(), null, now, expiresAt));
        return new BootResponse(session.userId().value(), session.veilId(), token, expiresAt);
    }
}
