create schema organisations;
grant usage on schema organisations to mainstay_app;

-- The register of organisations: the shared-service provider, integrated care
-- boards and trusts, and organisations whose data is analysed before they join.
-- Platform-wide (not tenant-owned): every organisation must be able to name
-- the others (an ICS's members, a recharge's counterparty).
create table organisations.organisation (
  id text not null,
  name text not null,
  kind text not null,
  trust_type text,
  parent_id text,
  status text not null,
  region text,
  annual_income_pence bigint,
  created_at timestamptz not null default now(),
  constraint organisation_pkey primary key (id),
  constraint organisation_parent_id_fkey foreign key (parent_id) references organisations.organisation (id),
  constraint organisation_id_check check (id ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'),
  constraint organisation_kind_check check (kind in ('shared-service-provider', 'icb', 'trust')),
  constraint organisation_trust_type_check check (
    (kind = 'trust') = (trust_type is not null)
    and (trust_type is null or trust_type in ('acute', 'community', 'mental-health', 'ambulance'))
  ),
  constraint organisation_status_check check (status in ('member', 'onboarding', 'external')),
  constraint organisation_income_check check (annual_income_pence is null or annual_income_pence >= 0)
);
create index organisation_parent_idx on organisations.organisation (parent_id);
grant select, insert, update on organisations.organisation to mainstay_app;

-- People. Identity is platform-wide; what a person may do is per organisation (membership).
create table organisations.user_account (
  id text not null,
  email text not null,
  display_name text not null,
  password_hash text,
  oidc_issuer text,
  oidc_subject text,
  status text not null default 'active',
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  last_sign_in_at timestamptz,
  constraint user_account_pkey primary key (id),
  constraint user_account_status_check check (status in ('active', 'disabled')),
  constraint user_account_email_check check (email = lower(email) and email like '%_@_%')
);
create unique index user_account_email_key on organisations.user_account (email);
create unique index user_account_oidc_key on organisations.user_account (oidc_issuer, oidc_subject)
  where oidc_subject is not null;
grant select, insert, update on organisations.user_account to mainstay_app;

-- Who may act for which organisation, with which roles. Read at sign-in, before
-- any organisation is chosen, so it is a platform table (exempt from RLS, see
-- tools/architecture); every change is audited in the organisation's chain.
create table organisations.membership (
  organisation_id text not null,
  user_id text not null,
  roles text[] not null,
  created_at timestamptz not null default now(),
  constraint membership_pkey primary key (organisation_id, user_id),
  constraint membership_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint membership_user_id_fkey foreign key (user_id) references organisations.user_account (id),
  constraint membership_roles_check check (cardinality(roles) > 0)
);
create index membership_user_idx on organisations.membership (user_id);
grant select, insert, update, delete on organisations.membership to mainstay_app;

-- Browser sessions; only a hash of the token is stored.
create table organisations.session (
  token_hash text not null,
  user_id text not null,
  current_organisation_id text,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  constraint session_pkey primary key (token_hash),
  constraint session_user_id_fkey foreign key (user_id) references organisations.user_account (id)
);
create index session_user_idx on organisations.session (user_id);
grant select, insert, update, delete on organisations.session to mainstay_app;

-- Tokens for machine clients, bound to one organisation and a set of roles.
create table organisations.api_token (
  id text not null,
  organisation_id text not null,
  token_hash text not null,
  name text not null,
  roles text[] not null,
  created_by text not null,
  created_at timestamptz not null,
  expires_at timestamptz,
  revoked_at timestamptz,
  constraint api_token_pkey primary key (id),
  constraint api_token_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);
create index api_token_organisation_idx on organisations.api_token (organisation_id);
grant select, insert, update on organisations.api_token to mainstay_app;
