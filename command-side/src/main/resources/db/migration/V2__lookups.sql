-- Command-side look-ups kept in the same transaction as the events that change them (subscribing handlers),
-- so that authentication and uniqueness checks never see a half-applied state.

create table environment_keys (
    environment_id  varchar(64)  not null primary key,
    organization_id varchar(64)  not null,
    plugin_key      varchar(128) not null unique,
    api_key         varchar(128) not null unique,
    api_secret_hash varchar(128) not null
);

create table agent_logins (
    login           varchar(320) not null primary key,
    agent_id        varchar(64)  not null unique,
    organization_id varchar(64)  not null,
    role            varchar(16)  not null,
    password_hash   varchar(100)
);

create table user_veils (
    environment_id varchar(64) not null,
    veil_id        varchar(64) not null,
    user_id        varchar(64) not null unique,
    primary key (environment_id, veil_id)
);
