/** The public event-stream contract over HTTP: the JSON Schema of the envelope and of every event version. */
package com.fastlightchat.query.schema.web;
