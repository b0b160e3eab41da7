/** Runs the whole platform locally on embedded servers, seeded with a demo organization. */
package com.fastlightchat.localstack;
