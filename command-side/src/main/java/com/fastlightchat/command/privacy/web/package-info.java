/** The internal, service-to-service endpoint that hands end users' data keys to the query side and the edge. */
package com.fastlightchat.command.privacy.web;
