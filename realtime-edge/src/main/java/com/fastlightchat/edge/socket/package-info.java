/** The Socket.IO (Engine.IO v4) server: its configuration and its start and stop with the application. */
package com.fastlightchat.edge.socket;
