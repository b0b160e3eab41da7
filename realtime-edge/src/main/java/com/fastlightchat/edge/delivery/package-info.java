/** Gapless delivery of chat events to sockets: client format, per-socket cursors, resume, recent-events window. */
package com.fastlightchat.edge.delivery;
