-- The organization's opening hours as last set ({"timeZone": …, "periods": [{"day", "from", "to"}]}), null when it
-- has none. Written by OrganizationsProjector; the rebuild view is recreated to include it.
alter table organizations add column opening_hours jsonb;

drop view organization_rows;
create view organization_rows as
select o.*,
       coalesce((select json_agg(t order by t.team_id) from teams t where t.organization_id = o.organization_id),
                '[]'::json) as teams
from organizations o;
