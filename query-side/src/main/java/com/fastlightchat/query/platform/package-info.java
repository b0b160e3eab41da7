/** Cross-cutting wiring of the query side: tokens, SDK authentication, Kafka error handling. */
package com.fastlightchat.query.platform;
