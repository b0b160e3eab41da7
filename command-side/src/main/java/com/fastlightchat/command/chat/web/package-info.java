/** The chat REST API: SDK ({@code /v1/sdk/chats}), dashboard ({@code /v1/chats}) and integration endpoints. */
package com.fastlightchat.command.chat.web;
