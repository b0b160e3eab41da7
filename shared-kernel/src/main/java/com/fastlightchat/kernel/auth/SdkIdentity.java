package com.fastlightchat.kernel.auth;

/** An authenticated end user of the SDK: tenant, environment and user, all as plain id values. */
public record SdkIdentity(String organizationId, String environmentId, String userId) {
}
