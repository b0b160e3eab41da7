/** The analytics HTTP API for dashboards: bucketed figures and the live backlog of the caller's organization. */
package com.fastlightchat.query.analytics.web;
