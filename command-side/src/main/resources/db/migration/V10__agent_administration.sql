-- Look-ups for agent administration (#3), kept by subscribing handlers in the command's transaction.

-- Open invitations: only the SHA-256 hash of the one-time token is stored.
create table agent_invitations (
    token_hash      varchar(64) not null primary key,
    agent_id        varchar(64) not null unique,
    organization_id varchar(64) not null,
    expires_at      timestamptz not null
);

-- The number of active owners per organization. Its row is locked by every change that can affect it, so
-- concurrent demotions or deactivations are serialised and can never leave an organization without an owner.
create table organization_owner_counts (
    organization_id varchar(64) not null primary key,
    active_owners   integer     not null check (active_owners >= 1)
);

insert into organization_owner_counts (organization_id, active_owners)
select organization_id, count(*) from agent_logins where role = 'OWNER' and active group by organization_id;

-- Teams that exist, for checking team membership changes.
create table teams (
    team_id         varchar(64) not null primary key,
    organization_id varchar(64) not null
);
create index ix_teams_organization on teams (organization_id);
