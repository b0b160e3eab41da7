/** Typed identifiers: validated records that serialize as plain JSON strings. */
package com.fastlightchat.kernel.id;
