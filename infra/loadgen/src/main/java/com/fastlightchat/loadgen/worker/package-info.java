/** The child processes of a benchmark: socket workers and the host of the local stack, driven over JSON lines. */
package com.fastlightchat.loadgen.worker;
