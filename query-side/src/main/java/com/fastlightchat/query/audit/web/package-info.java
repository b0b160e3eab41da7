/** HTTP export of the audit trail as JSON lines. */
package com.fastlightchat.query.audit.web;
