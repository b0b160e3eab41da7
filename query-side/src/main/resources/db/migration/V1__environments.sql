-- Read model: environments (never their secrets). Owned by EnvironmentsProjector.
create table environments (
    environment_id  varchar(64)  not null primary key,
    organization_id varchar(64)  not null,
    name            varchar(100) not null,
    plugin_key      varchar(128) not null unique,
    last_event_id   varchar(64)  not null,
    updated_at      timestamptz  not null
);
create index ix_environments_organization on environments (organization_id);
