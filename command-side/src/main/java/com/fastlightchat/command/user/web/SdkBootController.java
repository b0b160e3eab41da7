package com.fastlightchat.command.user.web;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.web.Rejection;
import com.fastlightchat.command.user.BootUser;
import com.fastlightchat.command.user.UserVeils;
import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import com.fastlightchat.kernel.auth.TokenClaims;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /v1/sdk/boot}: the SDK starts a session for a device. The same veil id always gives the same user;
 * no veil id makes a new anonymous visitor. The answer carries the user token for later SDK calls.
 */
@RestController
public class SdkBootController {

    /** @param veilId the id the SDK keeps on the device, or null on first boot */
    public record BootRequest(String veilId) {
    }

    public record BootResponse(String userId, String veilId, String userToken, Instant expiresAt) {
    }

    private final CommandGateway commands;
    private final UserVeils veils;
    private final AccessTokens tokens;
    private final CommandSideProperties properties;
    private final Clock clock;

    public SdkBootController(CommandGateway commands, UserVeils veils, AccessTokens tokens,
                             CommandSideProperties properties, Clock clock) {
        this.commands = commands;
        this.veils = veils;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/v1/sdk/boot")
    public BootResponse boot(EnvironmentRef caller, @RequestBody(required = false) BootRequest request) {
        String veilId = request == null || request.veilId() == null ? Ids.random("veil") : request.veilId();
        if (!Ids.FORMAT.matcher(veilId).matches()) {
            throw Rejection.invalid("veilId", "must be 1-64 letters, digits, '_' or '-'");
        }
        UserId userId = veils.find(new EnvironmentId(caller.environmentId()), veilId).orElseGet(() -> register(caller, veilId));
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.userTokenTtl());
        String token = tokens.issue(new TokenClaims(userId.value(), TokenClaims.Kind.USER,
                caller.organizationId(), caller.environmentId(), null, now, expiresAt));
        return new BootResponse(userId.value(), veilId, token, expiresAt);
    }

    /** Two devices booting the same new veil id at once: one wins, the other finds the winner. */
    private UserId register(EnvironmentRef caller, String veilId) {
        UserId userId = new UserId(Ids.random("usr"));
        try {
            commands.sendAndWait(new BootUser(userId, new OrganizationId(caller.organizationId()),
                    new EnvironmentId(caller.environmentId()), veilId));
            return userId;
        } catch (RuntimeException e) {
            return veils.find(new EnvironmentId(caller.environmentId()), veilId).orElseThrow(() -> e);
        }
    }
}
