/**
 * The {@code /sdk} Socket.IO namespace for end users: handshake authentication, chat rooms they may join, and the
 * documented client event format pushed to them.
 */
package com.fastlightchat.edge.sdk;
