/** Who is calling: wires the shared SDK authentication to the command side's key table. */
package com.fastlightchat.command.platform.auth;
