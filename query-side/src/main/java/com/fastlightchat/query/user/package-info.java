/** The users read model (MongoDB): end users' profiles, attributes, member ids and chats, searchable per tenant. */
package com.fastlightchat.query.user;
