/** The shared kernel: the published language every module speaks (ids, events, envelope, topics), in plain Java. */
package com.fastlightchat.kernel;
