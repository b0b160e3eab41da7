/**
 * Chats between an end user and the organization's agents: messages, notes, edits, read marks, assignment,
 * snooze/close/reopen, tags, priority and transfer to another user; snoozed chats wake up by a scheduler.
 */
package com.fastlightchat.command.chat;
