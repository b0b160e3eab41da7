/**
 * The benchmark tool behind {@code ./flc bench}: a coordinator that starts the local stack, the reference server and
 * worker processes holding the sockets, drives scenarios at a fixed rate and writes the report.
 */
package com.fastlightchat.loadgen;
