package com.fastlightchat.command.agent.web;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.command.agent.AgentLogins;
import com.fastlightchat.web.Rejection;
import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.TokenClaims;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** {@code POST /v1/auth/login}: an agent's e-mail and password for a dashboard access token. */
@RestController
public class LoginController {

    public record LoginRequest(@NotBlank @Size(max = 320) String login, @NotBlank @Size(max = 72) String password) {
    }

    public record LoginResponse(String accessToken, String tokenType, Instant expiresAt, String agentId,
                                String organizationId, String role) {
    }

    /** Compared against when the login is unknown, so that both cases take as long. */
    private final String decoyHash;
    private final AgentLogins logins;
    private final PasswordEncoder passwords;
    private final AccessTokens tokens;
    private final CommandSideProperties properties;
    private final Clock clock;

    public LoginController(AgentLogins logins, PasswordEncoder passwords, AccessTokens tokens,
                           CommandSideProperties properties, Clock clock) {
        this.logins = logins;
        this.passwords = passwords;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-for-timing");
    }

    @PostMapping("/v1/auth/login")
    public LoginResponse login(@Valid @RequestBody LoginRequest request) {
        var account = logins.byLogin(request.login().strip().toLowerCase(Locale.ROOT));
        String hash = account.map(AgentLogins.Account::passwordHash).orElse(null);
        boolean matches = passwords.matches(request.password(), hash == null ? decoyHash : hash);
        if (account.isEmpty() || hash == null || !matches) {
            throw Rejection.unauthenticated("login or password is wrong");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.agentTokenTtl());
        var agent = account.get();
        String token = tokens.issue(new TokenClaims(agent.agentId().value(), TokenClaims.Kind.AGENT,
                agent.organizationId().value(), null, agent.role().name(), now, expiresAt));
        return new LoginResponse(token, "Bearer", expiresAt, agent.agentId().value(),
                agent.organizationId().value(), agent.role().name());
    }
}
