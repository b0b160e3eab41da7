/** Ephemeral live state shared by every edge instance through Redis: typing indicators and user presence. */
package com.fastlightchat.edge.live;
