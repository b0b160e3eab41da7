/** The audit trail: every published event kept verbatim, queryable per chat and per organization, as JSON lines. */
package com.fastlightchat.query.audit;
