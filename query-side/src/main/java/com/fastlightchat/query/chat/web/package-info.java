/** HTTP queries over the chat read models. */
package com.fastlightchat.query.chat.web;
