package com.fastlightchat.command.organization;

import com.fastlightchat.kernel.event.PersonProfile;

/** Creates an organization, its owner agent and its first environment, all or nothing. */
public record SignUp(String organizationName, String environmentName, String ownerLogin, PersonProfile ownerProfile,
                     String ownerPasswordHash) {

    /**
     * What signing up created; {@code apiSecret} is shown here once and stored only as a hash, {@code memberSecret}
     * (which signs member hashes) is shown here once and stored only encrypted.
     */
    public record Result(String organizationId, String ownerAgentId, String environmentId, String pluginKey,
                         String apiKey, String apiSecret, String memberSecret) {
    }
}
