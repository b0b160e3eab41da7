/** The dashboard's queries of its organization's agents. */
package com.fastlightchat.query.agent.web;
