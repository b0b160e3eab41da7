/** The query side: projects the event stream into read models and serves them to dashboards and the SDK. */
package com.fastlightchat.query;
