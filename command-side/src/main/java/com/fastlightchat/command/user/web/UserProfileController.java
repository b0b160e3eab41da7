package com.fastlightchat.command.user.web;

import com.fastlightchat.command.user.UpdateUserProfile;
import com.fastlightchat.command.user.User;
import com.fastlightchat.kernel.auth.IntegrationIdentity;
import com.fastlightchat.kernel.auth.SdkIdentity;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Changes an end user's profile and custom attributes: the user itself ({@code PATCH /v1/sdk/me}) or the
 * customer's backend ({@code PATCH /v1/integration/users/{userId}}, users of the API key's environment only; any
 * other user answers 404). Absent fields stay as they are, a blank one is cleared, an attribute set to
 * {@code null} is removed. Bad values are a 4xx naming the field ({@code attributes.<key>} for an attribute).
 */
@RestController
public class UserProfileController {

    /** @param attributes string, number or boolean values; at most 50 keys in all */
    public record ProfileChange(@Size(max = User.MAX_NAME_LENGTH) String name,
                                @Size(max = User.MAX_EMAIL_LENGTH) String email,
                                @Size(max = User.MAX_PHONE_LENGTH) String phone,
                                Map<String, Object> attributes) {
    }

    private final CommandGateway commands;

    public UserProfileController(CommandGateway commands) {
        this.commands = commands;
    }

    @PatchMapping("/v1/sdk/me")
    public UpdateUserProfile.Result updateMe(SdkIdentity caller, @Valid @RequestBody ProfileChange change) {
        return update(new UserId(caller.userId()), caller.organizationId(), caller.environmentId(), change);
    }

    @PatchMapping("/v1/integration/users/{userId}")
    public UpdateUserProfile.Result updateUser(IntegrationIdentity caller, @PathVariable String userId,
                                               @Valid @RequestBody ProfileChange change) {
        return update(new UserId(userId), caller.organizationId(), caller.environmentId(), change);
    }

    private UpdateUserProfile.Result update(UserId userId, String organizationId, String environmentId,
                                            ProfileChange change) {
        return commands.sendAndWait(new UpdateUserProfile(userId, new OrganizationId(organizationId),
                new EnvironmentId(environmentId), new PersonProfile(change.name(), change.email(), change.phone()),
                change.attributes()));
    }
}
