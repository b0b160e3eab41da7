/** Agents: an organization's support staff, their accounts, invitations, roles, presence, capacity and teams. */
package com.fastlightchat.command.agent;
