-- The application role: neither superuser nor BYPASSRLS, so row-level security
-- always applies to it. Roles are cluster-wide, so creating it tolerates an
-- existing one (another database on the same server, or a concurrent run).
do $$
begin
  create role mainstay_app nologin;
exception
  when duplicate_object or unique_violation then null;
end
$$;

grant mainstay_app to current_user;
grant usage on schema kernel to mainstay_app;

-- The organisation a transaction writes for (one, or none in a read-only multi-organisation scope).
create function kernel.current_organisation() returns text
  language sql stable
  as $$ select nullif(current_setting('app.organisation_id', true), '') $$;

-- The organisations a transaction may read: the current one, or an explicit
-- list such as an integrated care system's members. Empty means none: fail closed.
create function kernel.readable_organisations() returns text[]
  language sql stable
  as $$ select coalesce(string_to_array(nullif(current_setting('app.organisation_ids', true), ''), ','), '{}') $$;
