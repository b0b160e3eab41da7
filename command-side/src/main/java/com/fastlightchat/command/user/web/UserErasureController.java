package com.fastlightchat.command.user.web;

import com.fastlightchat.command.user.UserErasure;
import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.auth.IntegrationIdentity;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.web.Rejection;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of an end user's personal data (the right to be forgotten), by crypto-shredding: the user's key is
 * deleted, so everything personal of theirs in the event log, on Kafka, in snapshots and in every read model reads
 * as {@code [erased]} from then on, while the rest of the history stays. For owners and admins of the user's
 * organization ({@code DELETE /v1/users/{userId}/personal-data}) and for the customer's backend
 * ({@code DELETE /v1/integration/users/{userId}/personal-data}, users of the API key's environment). Asking again
 * changes nothing and answers the same; another organization's user answers 404. A user merged into a member's
 * user is the same person: both, and every other user merged into the member, are erased.
 */
@RestController
public class UserErasureController {

    private final UserErasure erasure;

    public UserErasureController(UserErasure erasure) {
        this.erasure = erasure;
    }

    @DeleteMapping("/v1/users/{userId}/personal-data")
    public UserErasure.Result eraseByAgent(AgentIdentity caller, @PathVariable String userId) {
        if (!caller.isAdmin()) {
            throw Rejection.forbidden("only owners and admins may erase an end user's personal data");
        }
        return erasure.erase(new UserId(userId), new OrganizationId(caller.organizationId()), null);
    }

    @DeleteMapping("/v1/integration/users/{userId}/personal-data")
    public UserErasure.Result eraseByIntegration(IntegrationIdentity caller, @PathVariable String userId) {
        return erasure.erase(new UserId(userId), new OrganizationId(caller.organizationId()),
                new EnvironmentId(caller.environmentId()));
    }
}
