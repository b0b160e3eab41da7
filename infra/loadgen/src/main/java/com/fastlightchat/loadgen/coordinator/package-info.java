/** The coordinator: child processes, identities through the public API, fixed-rate senders and the scenarios. */
package com.fastlightchat.loadgen.coordinator;
