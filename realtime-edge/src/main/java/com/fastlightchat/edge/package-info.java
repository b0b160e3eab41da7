/** The realtime edge: pushes chat events to end users (/sdk) and agents (/agent) over Socket.IO, gapless and resumable. */
package com.fastlightchat.edge;
