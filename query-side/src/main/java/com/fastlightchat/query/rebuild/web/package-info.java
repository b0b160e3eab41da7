/** The operator's HTTP endpoint for rebuilds. */
package com.fastlightchat.query.rebuild.web;
