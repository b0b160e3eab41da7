/** Opening end users' personal data in the events the edge streams, with keys from the command side. */
package com.fastlightchat.edge.privacy;
