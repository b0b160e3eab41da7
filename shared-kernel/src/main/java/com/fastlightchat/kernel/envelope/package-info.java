/** The event envelope (technical metadata around every published event) and its JSON codec. */
package com.fastlightchat.kernel.envelope;
