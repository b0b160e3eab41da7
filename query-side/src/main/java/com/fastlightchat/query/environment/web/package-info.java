/** The environment API: which environment a plugin key opens, for the SDK and the realtime edge. */
package com.fastlightchat.query.environment.web;
