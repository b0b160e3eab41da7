/** HTTP side of the browser clients: their configuration endpoint, static file mappings and cross-origin rules. */
package com.fastlightchat.query.webclient.web;
