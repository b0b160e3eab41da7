-- Snoozed chats and when each wakes up, kept in the transaction of the chat's events (ChatWakeUps), so a deadline
-- survives restarts and is seen by whichever instance polls first. One row per snoozed chat.
create table chat_wake_ups (
    chat_id         varchar(64) not null primary key,
    organization_id varchar(64) not null,
    wake_at         timestamptz not null
);
create index ix_chat_wake_ups_wake_at on chat_wake_ups (wake_at);
