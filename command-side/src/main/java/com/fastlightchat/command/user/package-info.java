/** End users of a customer's site, as the SDK sees them: anonymous visitors and identified members. */
package com.fastlightchat.command.user;
