/** The agents read model (PostgreSQL): every agent's role, status, presence, capacity, teams and current load. */
package com.fastlightchat.query.agent;
