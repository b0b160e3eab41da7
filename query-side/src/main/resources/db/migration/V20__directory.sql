-- Read models of the directory: organizations with their teams, agents, and each chat's assignment (agent load).
-- Only values derived from events; never secrets, password or invitation hashes.

-- Owned by OrganizationsProjector. last_sequence: the organization's last applied event (teams' events too).
create table organizations (
    organization_id varchar(64)  not null primary key,
    name            varchar(200) not null,
    owner_agent_id  varchar(64)  not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    last_sequence   bigint       not null
);

-- Owned by OrganizationsProjector. last_sequence: the organization event that last changed the team.
create table teams (
    team_id         varchar(64)  not null primary key,
    organization_id varchar(64)  not null,
    name            varchar(200) not null,
    deleted         boolean      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    last_sequence   bigint       not null
);
create index ix_teams_organization on teams (organization_id, team_id);

-- One row per organization with its teams, for the rebuild's checksums.
create view organization_rows as
select o.*,
       coalesce((select json_agg(t order by t.team_id) from teams t where t.organization_id = o.organization_id),
                '[]'::json) as teams
from organizations o;

-- Owned by AgentsProjector. team_ids: membership as last recorded, sorted (deleted teams are filtered when read).
create table agents (
    agent_id        varchar(64)  not null primary key,
    organization_id varchar(64)  not null,
    login           varchar(320) not null,
    name            varchar(200),
    role            varchar(16)  not null,
    status          varchar(16)  not null,
    presence        varchar(16)  not null,
    capacity        integer      not null,
    team_ids        varchar(64)[] not null,
    added_at        timestamptz  not null,
    updated_at      timestamptz  not null,
    last_sequence   bigint       not null
);
create index ix_agents_organization on agents (organization_id, agent_id);

-- Owned by AgentLoadsProjector: who handles each chat and whether it is open; an agent's load counts its open rows.
create table agent_chat_assignments (
    chat_id         varchar(64) not null primary key,
    organization_id varchar(64) not null,
    agent_id        varchar(64),
    open            boolean     not null,
    last_sequence   bigint      not null
);
create index ix_agent_chat_assignments_open on agent_chat_assignments (agent_id) where open;
