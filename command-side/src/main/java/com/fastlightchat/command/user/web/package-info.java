/** The SDK and integration endpoints for end users: booting a device session, changing a profile. */
package com.fastlightchat.command.user.web;
