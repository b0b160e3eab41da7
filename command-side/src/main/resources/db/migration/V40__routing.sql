-- Automatic assignment (#3): the routing process's own tables, kept by its tracking processor ('routing') from
-- organization, agent and chat events, in the transaction that also moves its token. Rebuilt from the events on a
-- reset of that processor.

create table routing_settings (
    organization_id varchar(64) not null primary key,
    auto_assign     boolean     not null,
    default_team_id varchar(64)
);

-- One row per agent: whether they can take chats (online and active), how many (capacity), how many they have
-- (load: open chats assigned to them, snoozed included), their teams (space-separated ids) and when routing last
-- gave them a chat (last_assigned, increasing per organization; 0 = never).
create table routing_agents (
    agent_id        varchar(64) not null primary key,
    organization_id varchar(64) not null,
    online          boolean     not null,
    active          boolean     not null,
    capacity        integer     not null,
    load            integer     not null,
    team_ids        text        not null,
    last_assigned   bigint      not null
);
create index ix_routing_agents_organization on routing_agents (organization_id);

-- Every chat: whether it is open (snoozed counts as open) and its agent, for load and re-queueing.
create table routing_chats (
    chat_id         varchar(64) not null primary key,
    organization_id varchar(64) not null,
    agent_id        varchar(64),
    open            boolean     not null
);
create index ix_routing_chats_agent on routing_chats (agent_id);

-- Chats waiting for an agent of team_id (null: anyone), first come first served by queued_order.
create table routing_queue (
    chat_id         varchar(64) not null primary key,
    organization_id varchar(64) not null,
    team_id         varchar(64),
    queued_order    bigint      not null
);
create index ix_routing_queue_organization on routing_queue (organization_id, queued_order);
