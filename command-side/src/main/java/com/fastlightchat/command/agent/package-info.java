/** Agents: the support staff of an organization, their accounts and logins. */
package com.fastlightchat.command.agent;
