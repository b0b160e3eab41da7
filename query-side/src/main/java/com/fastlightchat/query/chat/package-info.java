/** The chat read models (MongoDB): chat summaries and the messages of each chat, and their queries. */
package com.fastlightchat.query.chat;
