package com.fastlightchat.command.organization.web;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.command.organization.SignUp;
import com.fastlightchat.web.Rejection;
import com.fastlightchat.kernel.event.PersonProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code POST /v1/signup}: a new organization with its owner and a first environment. */
@RestController
public class SignUpController {

    public record SignUpRequest(
            @NotBlank @Size(max = 100) String organizationName,
            @Size(max = 100) String environmentName,
            @NotBlank @Size(max = 320) String ownerEmail,
            @Size(max = 100) String ownerName,
            @NotBlank @Size(min = 12, max = 72) String ownerPassword) {
    }

    private final CommandGateway commands;
    private final PasswordEncoder passwords;
    private final CommandSideProperties properties;

    public SignUpController(CommandGateway commands, PasswordEncoder passwords, CommandSideProperties properties) {
        this.commands = commands;
        this.passwords = passwords;
        this.properties = properties;
    }

    @PostMapping("/v1/signup")
    @ResponseStatus(HttpStatus.CREATED)
    public SignUp.Result signUp(@RequestHeader(name = "X-Signup-Token", required = false) String signupToken,
                                @Valid @RequestBody SignUpRequest request) {
        String required = properties.signupToken();
        if (required != null && !required.isBlank() && (signupToken == null || !MessageDigest.isEqual(
                required.getBytes(StandardCharsets.UTF_8), signupToken.getBytes(StandardCharsets.UTF_8)))) {
            throw Rejection.unauthenticated("X-Signup-Token is required to sign up on this server");
        }
        String environmentName = request.environmentName() == null || request.environmentName().isBlank()
                ? "production" : request.environmentName().strip();
        return commands.sendAndWait(new SignUp(request.organizationName(), environmentName, request.ownerEmail(),
                new PersonProfile(request.ownerName(), request.ownerEmail(), null),
                passwords.encode(request.ownerPassword())));
    }
}
