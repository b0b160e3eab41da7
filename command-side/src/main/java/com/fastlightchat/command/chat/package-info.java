/** Chats between an end user and the organization's agents: opening, posting messages. */
package com.fastlightchat.command.chat;
