-- Security (#9).
-- The environment's allowed web origins (space-separated, as browsers send them; empty = any site), kept with its keys
-- so that SDK calls check both with one look-up.
alter table environment_keys add column allowed_origins text not null default '';

-- When the agent's password was last set: refresh tokens issued before it are refused (a password change signs out
-- every other session once its access token expires).
alter table agent_logins add column password_changed_at timestamptz;
