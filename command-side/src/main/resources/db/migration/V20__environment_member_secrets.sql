-- Member secrets sign end users' member hashes, so the server must read them back: they are stored here only,
-- sealed with AES-256-GCM under flc.command.secrets-key (nonce || ciphertext || tag, the environment id as
-- associated data), written in the transaction of the MemberSecretIssued event that carries their fingerprint.
create table environment_member_secrets (
    environment_id  varchar(64) not null primary key,
    organization_id varchar(64) not null,
    sealed_secret   bytea       not null,
    fingerprint     varchar(16) not null
);
