-- Each end user's data key (AES-256), sealed with flc.command.secrets-key (AES-256-GCM, the subject id as context).
-- Personal data in events (event store, snapshots, Kafka) is encrypted with it. Erasing the user deletes the key and
-- keeps the row as a tombstone, so that no key is ever made again for that subject (crypto-shredding).
create table personal_data_keys (
    subject_id  varchar(64) not null primary key,
    sealed_key  bytea,
    created_at  timestamptz not null default now(),
    erased_at   timestamptz,
    constraint ck_personal_data_keys_erased check ((sealed_key is null) = (erased_at is not null))
);
