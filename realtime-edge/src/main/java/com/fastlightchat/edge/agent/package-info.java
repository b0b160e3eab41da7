/** The {@code /agent} namespace: the dashboard's live inbox of every chat of the agent's organization. */
package com.fastlightchat.edge.agent;
