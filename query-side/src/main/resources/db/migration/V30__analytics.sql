-- Analytics read model, written only by AnalyticsSink from the analytics topology's output topics. Every row is the
-- whole state of a bucket / backlog; version = facts counted, and a row is only ever replaced by a higher version.

-- One row per scope (organization: scope_id ''; team; agent), window (hour | day, UTC) and bucket start.
-- Time samples are exact milliseconds, ascending; *_business_ms are the same intervals in business hours only.
create table analytics_buckets (
    organization_id            varchar(64)  not null,
    scope                      varchar(16)  not null,
    scope_id                   varchar(64)  not null,
    time_window                varchar(8)   not null,
    bucket_start               timestamptz  not null,
    chats_opened               bigint       not null,
    chats_closed               bigint       not null,
    chats_reopened             bigint       not null,
    messages_in                bigint       not null,
    messages_out               bigint       not null,
    first_response_ms          bigint[]     not null,
    first_response_business_ms bigint[]     not null,
    reply_ms                   bigint[]     not null,
    reply_business_ms          bigint[]     not null,
    resolution_ms              bigint[]     not null,
    resolution_business_ms     bigint[]     not null,
    version                    bigint       not null,
    primary key (organization_id, scope, scope_id, time_window, bucket_start)
);

-- One row per organization: the live backlog and each agent's load ({"ag_…": 3}, agents with load > 0).
create table analytics_live (
    organization_id varchar(64) not null primary key,
    unassigned      bigint      not null,
    waiting         bigint      not null,
    agent_loads     jsonb       not null,
    version         bigint      not null
);
