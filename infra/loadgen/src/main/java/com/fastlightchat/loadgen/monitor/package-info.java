/** CPU, memory and load of every process on the machine, read from {@code /proc}, grouped by role. */
package com.fastlightchat.loadgen.monitor;
