/** A lean Socket.IO v5 / Engine.IO v4 WebSocket client on Netty, built to hold tens of thousands of sockets. */
package com.fastlightchat.loadgen.socket;
