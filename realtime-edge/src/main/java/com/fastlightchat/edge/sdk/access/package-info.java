/** Whether an end user may join a chat's room: asked of the query side, positive answers cached in Redis. */
package com.fastlightchat.edge.sdk.access;
