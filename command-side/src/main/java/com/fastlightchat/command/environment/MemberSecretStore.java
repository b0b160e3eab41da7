package com.fastlightchat.command.environment;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;

/**
 * Where an environment keeps its member secret, outside the event store: the environment calls it from its command
 * handlers, in the transaction that stores the matching {@code MemberSecretIssued} event, so both or neither last.
 */
public interface MemberSecretStore {

    /** Replaces the environment's member secret. */
    void store(OrganizationId organizationId, EnvironmentId environmentId, String memberSecret);
}
