/** The dashboard's search and views of its organization's end users. */
package com.fastlightchat.query.user.web;
