/** The command side: accepts commands over REST, decides with event-sourced aggregates, publishes the events. */
package com.fastlightchat.command;
