package com.fastlightchat.query.agent;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.ChatEvent.ChatAssigned;
import com.fastlightchat.kernel.event.ChatEvent.ChatClosed;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatReopened;
import com.fastlightchat.kernel.event.ChatEvent.ChatTransferred;
import com.fastlightchat.kernel.event.ChatEvent.ChatUnassigned;
import com.fastlightchat.query.platform.EventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code agent_chat_assignments} table: one row per chat with the agent handling it and whether it is open, so
 * that an agent's load (their open chats) is a count that duplicates cannot inflate. Written only by
 * {@link AgentLoadsProjector}: read, then written only when the event's sequence is above the row's (one partition,
 * so one chat, is consumed by one thread). A snoozed chat stays open here (it comes back by itself): the load counts
 * it until it is closed or unassigned.
 */
@Repository
public class AgentLoads {

    private record Assignment(String agentId, boolean open, long lastSequence) {
    }

    private static final Assignment NONE = new Assignment(null, true, 0);

    private final JdbcClient jdbc;

    public AgentLoads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies one chat-events record; events other than opening, assignment, closing and reopening are ignored. */
    public void project(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case ChatOpened opened -> apply(envelope, current -> current);
                case ChatAssigned assigned -> apply(envelope, current -> new Assignment(
                        assigned.agentId() == null ? null : assigned.agentId().value(), current.open(), 0));
                case ChatUnassigned unassigned -> apply(envelope, current -> new Assignment(null, current.open(), 0));
                case ChatClosed closed -> apply(envelope, current -> new Assignment(current.agentId(), false, 0));
                case ChatReopened reopened -> apply(envelope, current -> new Assignment(current.agentId(), true, 0));
                case ChatTransferred transferred -> apply(envelope, current -> current);
                default -> {
                }
            }
        });
    }

    private void apply(EventEnvelope envelope, java.util.function.UnaryOperator<Assignment> change) {
        Assignment current = jdbc.sql("select agent_id, open, last_sequence from agent_chat_assignments where chat_id = :chat")
                .param("chat", envelope.aggregateId())
                .query((rs, n) -> new Assignment(rs.getString(1), rs.getBoolean(2), rs.getLong(3)))
                .optional().orElse(NONE);
        if (current.lastSequence() >= envelope.sequence()) {
            return;
        }
        Assignment next = change.apply(current);
        jdbc.sql("""
                        insert into agent_chat_assignments (chat_id, organization_id, agent_id, open, last_sequence)
                        values (:chat, :org, :agent, :open, :seq)
                        on conflict (chat_id) do update
                        set agent_id = excluded.agent_id, open = excluded.open, last_sequence = excluded.last_sequence
                        where agent_chat_assignments.last_sequence < excluded.last_sequence""")
                .param("chat", envelope.aggregateId())
                .param("org", envelope.organizationId())
                .param("agent", next.agentId())
                .param("open", next.open())
                .param("seq", envelope.sequence())
                .update();
    }
}
