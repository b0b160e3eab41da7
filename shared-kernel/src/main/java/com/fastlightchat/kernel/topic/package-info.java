/** Kafka topic names, declared once. */
package com.fastlightchat.kernel.topic;
