/**
 * Access tokens shared by all services: compact JWTs (HS256) issued by the command side and verified by every
 * service with the same key, so that a dashboard or SDK caller authenticates once and is recognised everywhere.
 */
package com.fastlightchat.kernel.auth;
