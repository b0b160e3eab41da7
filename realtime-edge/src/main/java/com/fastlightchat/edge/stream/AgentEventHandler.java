package com.fastlightchat.edge.stream;

import com.fastlightchat.kernel.envelope.EventEnvelope;

/** Receives each agent event this build knows, in per-agent order, on the agent stream's polling thread. */
@FunctionalInterface
public interface AgentEventHandler {

    void on(EventEnvelope event);
}
