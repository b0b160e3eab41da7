-- Command-side look-ups of end users, kept in the command's transaction (subscribing handlers).

-- Every user with its member id (once identified) and the user it was merged into (if merged). The unique index
-- makes one member id of an environment map to exactly one user, also when two devices identify at once.
create table user_directory (
    user_id         varchar(64)  not null primary key,
    organization_id varchar(64)  not null,
    environment_id  varchar(64)  not null,
    member_id       varchar(128),
    merged_into     varchar(64)
);
create unique index ux_user_directory_member on user_directory (environment_id, member_id) where member_id is not null;

-- The chats each user opened, so that a merged user's chats can be moved to the member's user.
create table user_chats (
    chat_id         varchar(64) not null primary key,
    user_id         varchar(64) not null,
    organization_id varchar(64) not null
);
create index ix_user_chats_user on user_chats (user_id);

-- The merge process's work list: one row per chat to move; done_at stays null until the transfer was sent.
create table user_chat_transfers (
    chat_id         varchar(64) not null,
    from_user_id    varchar(64) not null,
    to_user_id      varchar(64) not null,
    organization_id varchar(64) not null,
    done_at         timestamptz,
    primary key (chat_id, from_user_id)
);
