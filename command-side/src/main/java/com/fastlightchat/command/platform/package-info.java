/** Cross-cutting wiring of the command side: serialization, persistence dialect, tokens, error handling. */
package com.fastlightchat.command.platform;
