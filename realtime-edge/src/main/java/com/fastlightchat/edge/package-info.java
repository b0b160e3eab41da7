/** The realtime edge: pushes the public chat event stream to SDK sockets over Socket.IO. */
package com.fastlightchat.edge;
