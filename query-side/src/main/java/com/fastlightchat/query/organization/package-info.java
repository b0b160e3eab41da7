/** The organizations read model (PostgreSQL): each tenant's name and teams. */
package com.fastlightchat.query.organization;
