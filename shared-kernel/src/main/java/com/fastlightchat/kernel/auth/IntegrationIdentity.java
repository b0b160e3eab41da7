package com.fastlightchat.kernel.auth;

/** A customer's backend integration, authenticated by an environment's API key and secret. */
public record IntegrationIdentity(String organizationId, String environmentId, String apiKey) {
}
