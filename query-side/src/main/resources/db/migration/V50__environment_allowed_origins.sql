-- Security (#9): the environment's allowed web origins (space-separated, as browsers send them; empty = any site),
-- for the SDK origin check here and at the realtime edge. Owned by EnvironmentsProjector.
alter table environments add column allowed_origins text not null default '';
