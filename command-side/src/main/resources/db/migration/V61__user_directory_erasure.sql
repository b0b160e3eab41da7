-- When a user's personal data was erased: the user is no longer anyone's session (its member id is cleared, its veil
-- id stays taken so that a device never gets the erased user's veil id for a new user).
alter table user_directory add column erased_at timestamptz;
