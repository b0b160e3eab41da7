/** Automatic assignment: round-robin among a team's online agents under their capacity, with a waiting queue. */
package com.fastlightchat.command.routing;
