/** REST endpoints of automatic assignment: the organization's routing settings and an agent's request. */
package com.fastlightchat.command.routing.web;
