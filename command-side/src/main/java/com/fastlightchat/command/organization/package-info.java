/** Organizations (tenants), their teams, and signing up a new one with its owner and first environment. */
package com.fastlightchat.command.organization;
