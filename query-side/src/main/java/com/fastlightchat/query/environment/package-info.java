/** The environments read model (PostgreSQL): which plugin key belongs to which environment. */
package com.fastlightchat.query.environment;
