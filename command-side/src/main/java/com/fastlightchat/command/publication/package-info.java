/** Publication of every stored event to Kafka, in the kernel's envelope, keyed by aggregate id. */
package com.fastlightchat.command.publication;
