package com.fastlightchat.command.agent.web;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.command.agent.AcceptInvitation;
import com.fastlightchat.command.agent.AgentInvitations;
import com.fastlightchat.command.agent.AgentLogins;
import com.fastlightchat.web.Rejection;
import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.InvalidTokenException;
import com.fastlightchat.kernel.auth.TokenClaims;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The agent's credentials exchanged for tokens, without a bearer token: {@code POST /v1/auth/login} (e-mail and
 * password → access and refresh token), {@code POST /v1/auth/refresh} (refresh token → new access token, with the
 * agent's current role) and {@code POST /v1/agents/invitations/accept} (invitation token → password set).
 */
@RestController
public class LoginController {

    public record LoginRequest(@NotBlank @Size(max = 320) String login, @NotBlank @Size(max = 72) String password) {
    }

    public record LoginResponse(String accessToken, String tokenType, Instant expiresAt, String refreshToken,
                                Instant refreshExpiresAt, String agentId, String organizationId, String role) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 2048) String refreshToken) {
    }

    public record AccessTokenResponse(String accessToken, String tokenType, Instant expiresAt, String agentId,
                                      String organizationId, String role) {
    }

    public record AcceptInvitationRequest(@NotBlank @Size(max = 128) String token,
                                          @NotBlank @Size(min = 12, max = 72) String password) {
    }

    public record InvitationAcceptedResponse(String agentId) {
    }

    /** Compared against when the login is unknown, so that both cases take as long. */
    private final String decoyHash;
    private final AgentLogins logins;
    private final AgentInvitations invitations;
    private final PasswordEncoder passwords;
    private final AccessTokens tokens;
    private final CommandGateway commands;
    private final CommandSideProperties properties;
    private final Clock clock;
    private final LoginThrottle throttle;

    public LoginController(AgentLogins logins, AgentInvitations invitations, PasswordEncoder passwords,
                           AccessTokens tokens, CommandGateway commands, CommandSideProperties properties,
                           Clock clock, LoginThrottle throttle) {
        this.throttle = throttle;
        this.logins = logins;
        this.invitations = invitations;
        this.passwords = passwords;
        this.tokens = tokens;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-for-timing");
    }

    /**
     * Failed attempts are throttled per login and per client address ({@link LoginThrottle}): a locked one is
     * answered 429 with {@code Retry-After} before the password is looked at, whether the login exists or not.
     */
    @PostMapping("/v1/auth/login")
    public LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        String login = request.login().strip().toLowerCase(Locale.ROOT);
        throttle.check(login, http.getRemoteAddr());
        var account = logins.byLogin(login);
        String hash = account.map(AgentLogins.Account::passwordHash).orElse(null);
        boolean matches = passwords.matches(request.password(), hash == null ? decoyHash : hash);
        if (account.isEmpty() || hash == null || !matches || !account.get().active()) {
            throttle.failed(login, http.getRemoteAddr());
            throw Rejection.unauthenticated("login or password is wrong");
        }
        throttle.succeeded(login);
        var agent = account.get();
        Instant now = clock.instant();
        AccessTokenResponse access = accessToken(agent, now);
        Instant refreshExpiresAt = now.plus(properties.refreshTokenTtl());
        String refresh = tokens.issue(new TokenClaims(agent.agentId().value(), TokenClaims.Kind.REFRESH,
                agent.organizationId().value(), null, null, now, refreshExpiresAt));
        return new LoginResponse(access.accessToken(), access.tokenType(), access.expiresAt(), refresh,
                refreshExpiresAt, access.agentId(), access.organizationId(), access.role());
    }

    /**
     * A deactivated agent's refresh token is refused, and so is one issued before the agent's password last changed;
     * the new access token carries the agent's current role.
     */
    @PostMapping("/v1/auth/refresh")
    public AccessTokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        TokenClaims claims;
        try {
            claims = tokens.verify(request.refreshToken(), TokenClaims.Kind.REFRESH);
        } catch (InvalidTokenException e) {
            throw Rejection.unauthenticated(e.getMessage());
        }
        var agent = logins.byAgentId(claims.subject())
                .filter(AgentLogins.Account::active)
                .filter(account -> account.organizationId().value().equals(claims.organizationId()))
                .orElseThrow(() -> Rejection.unauthenticated("this agent account is deactivated"));
        if (agent.issuedBeforePasswordChange(claims.issuedAt())) {
            throw Rejection.unauthenticated("the password was changed since this refresh token was issued; log in again");
        }
        return accessToken(agent, clock.instant());
    }

    @PostMapping("/v1/agents/invitations/accept")
    public InvitationAcceptedResponse accept(@Valid @RequestBody AcceptInvitationRequest request) {
        var agentId = invitations.agentFor(request.token())
                .orElseThrow(() -> Rejection.invalid("token", "the invitation is not valid or has expired"));
        commands.sendAndWait(new AcceptInvitation(agentId, AgentInvitations.hash(request.token()),
                passwords.encode(request.password()), clock.instant()));
        return new InvitationAcceptedResponse(agentId.value());
    }

    private AccessTokenResponse accessToken(AgentLogins.Account agent, Instant now) {
        Instant expiresAt = now.plus(properties.agentTokenTtl());
        String token = tokens.issue(new TokenClaims(agent.agentId().value(), TokenClaims.Kind.AGENT,
                agent.organizationId().value(), null, agent.role().name(), now, expiresAt));
        return new AccessTokenResponse(token, "Bearer", expiresAt, agent.agentId().value(),
                agent.organizationId().value(), agent.role().name());
    }
}
