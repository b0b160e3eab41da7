/** HTTP conventions every service follows: RFC 9457 problems, typed rejections and SDK caller resolution. */
package com.fastlightchat.web;
