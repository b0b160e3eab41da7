/**
 * Rebuilding read models: replay the event stream from its first event into fresh storage, report progress and
 * events/s, then compare the result with the live model by a checksum per document or row.
 */
package com.fastlightchat.query.rebuild;
