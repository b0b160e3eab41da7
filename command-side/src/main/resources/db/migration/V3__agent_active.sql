-- Deactivated agents keep their login row (the login stays taken) but may no longer act.
alter table agent_logins add column active boolean not null default true;
