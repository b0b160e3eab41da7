/** Environments: per-organization deployments of the chat, each with its plugin key and API key. */
package com.fastlightchat.command.environment;
