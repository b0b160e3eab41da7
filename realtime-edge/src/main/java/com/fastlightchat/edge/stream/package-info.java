/** The chat event stream from Kafka: every instance reads every partition, from the live end, without a group. */
package com.fastlightchat.edge.stream;
