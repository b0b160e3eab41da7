/** The dashboard's query of its own organization. */
package com.fastlightchat.query.organization.web;
