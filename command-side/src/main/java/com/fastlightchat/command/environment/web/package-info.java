/** The dashboard's environment endpoints: creating environments and rotating their keys and secrets. */
package com.fastlightchat.command.environment.web;
