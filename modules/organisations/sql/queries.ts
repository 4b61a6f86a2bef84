import type { Queryable } from '../../../kernel/db';
import type { Role } from '../domain/roles';
import type { Member, Membership, NewOrganisation, Organisation, User } from '../types';

type OrganisationRow = {
  id: string;
  name: string;
  kind: Organisation['kind'];
  trust_type: Organisation['trustType'];
  parent_id: string | null;
  status: Organisation['status'];
  region: string | null;
  annual_income_pence: bigint | null;
};

const ORGANISATION_COLUMNS = 'id, name, kind, trust_type, parent_id, status, region, annual_income_pence';

const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  trustType: row.trust_type,
  parentId: row.parent_id,
  status: row.status,
  region: row.region,
  annualIncomePence: row.annual_income_pence,
});

export async function selectOrganisation(q: Queryable, id: string): Promise<Organisation | null> {
  const result = await q.query<OrganisationRow>(
    `select ${ORGANISATION_COLUMNS} from organisations.organisation where id = $1`,
    [id],
  );
  return result.rows[0] ? toOrganisation(result.rows[0]) : null;
}

export async function selectOrganisations(q: Queryable): Promise<Organisation[]> {
  const result = await q.query<OrganisationRow>(
    `select ${ORGANISATION_COLUMNS} from organisations.organisation order by kind, name`,
  );
  return result.rows.map(toOrganisation);
}

export async function selectChildren(q: Queryable, parentId: string): Promise<Organisation[]> {
  const result = await q.query<OrganisationRow>(
    `select ${ORGANISATION_COLUMNS} from organisations.organisation where parent_id = $1 order by name`,
    [parentId],
  );
  return result.rows.map(toOrganisation);
}

export async function insertOrganisation(q: Queryable, organisation: NewOrganisation): Promise<void> {
  await q.query(
    `insert into organisations.organisation (${ORGANISATION_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      organisation.id,
      organisation.name,
      organisation.kind,
      organisation.trustType ?? null,
      organisation.parentId ?? null,
      organisation.status,
      organisation.region ?? null,
      organisation.annualIncomePence ?? null,
    ],
  );
}

export async function updateOrganisationStatus(
  q: Queryable,
  id: string,
  status: Organisation['status'],
): Promise<void> {
  await q.query('update organisations.organisation set status = $2 where id = $1', [id, status]);
}

type UserRow = {
  id: string;
  email: string;
  display_name: string;
  status: User['status'];
  password_hash: string | null;
  failed_sign_ins: number;
  locked_until: Date | null;
};

export type UserWithSecrets = User & {
  passwordHash: string | null;
  failedSignIns: number;
  lockedUntil: Date | null;
};

const toUser = (row: UserRow): UserWithSecrets => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  status: row.status,
  passwordHash: row.password_hash,
  failedSignIns: row.failed_sign_ins,
  lockedUntil: row.locked_until,
});

const USER_COLUMNS = 'id, email, display_name, status, password_hash, failed_sign_ins, locked_until';

export async function selectUserByEmail(q: Queryable, email: string): Promise<UserWithSecrets | null> {
  const result = await q.query<UserRow>(
    `select ${USER_COLUMNS} from organisations.user_account where email = $1`,
    [email.toLowerCase()],
  );
  return result.rows[0] ? toUser(result.rows[0]) : null;
}

export async function selectUserById(q: Queryable, id: string): Promise<UserWithSecrets | null> {
  const result = await q.query<UserRow>(
    `select ${USER_COLUMNS} from organisations.user_account where id = $1`,
    [id],
  );
  return result.rows[0] ? toUser(result.rows[0]) : null;
}

export async function selectUserByOidc(
  q: Queryable,
  issuer: string,
  subject: string,
): Promise<UserWithSecrets | null> {
  const result = await q.query<UserRow>(
    `select ${USER_COLUMNS} from organisations.user_account where oidc_issuer = $1 and oidc_subject = $2`,
    [issuer, subject],
  );
  return result.rows[0] ? toUser(result.rows[0]) : null;
}

export async function insertUser(
  q: Queryable,
  user: { id: string; email: string; displayName: string; passwordHash: string | null },
): Promise<void> {
  await q.query(
    'insert into organisations.user_account (id, email, display_name, password_hash) values ($1, $2, $3, $4)',
    [user.id, user.email.toLowerCase(), user.displayName, user.passwordHash],
  );
}

export async function linkOidcIdentity(
  q: Queryable,
  userId: string,
  issuer: string,
  subject: string,
): Promise<void> {
  await q.query('update organisations.user_account set oidc_issuer = $2, oidc_subject = $3 where id = $1', [
    userId,
    issuer,
    subject,
  ]);
}

export async function recordSignInOutcome(
  q: Queryable,
  userId: string,
  outcome: { succeeded: true; at: Date } | { succeeded: false; lockedUntil: Date | null },
): Promise<void> {
  if (outcome.succeeded) {
    await q.query(
      `update organisations.user_account set failed_sign_ins = 0, locked_until = null, last_sign_in_at = $2 where id = $1`,
      [userId, outcome.at],
    );
  } else {
    await q.query(
      `update organisations.user_account set failed_sign_ins = failed_sign_ins + 1, locked_until = $2 where id = $1`,
      [userId, outcome.lockedUntil],
    );
  }
}

export async function selectMembershipsOfUser(q: Queryable, userId: string): Promise<Membership[]> {
  const result = await q.query<{ organisation_id: string; name: string; roles: Role[] }>(
    `select m.organisation_id, o.name, m.roles from organisations.membership m
     join organisations.organisation o on o.id = m.organisation_id
     where m.user_id = $1 order by o.kind, o.name`,
    [userId],
  );
  return result.rows.map((row) => ({
    organisationId: row.organisation_id,
    organisationName: row.name,
    roles: row.roles,
  }));
}

export async function selectMembers(q: Queryable, organisationId: string): Promise<Member[]> {
  const result = await q.query<{ user_id: string; email: string; display_name: string; roles: Role[] }>(
    `select m.user_id, u.email, u.display_name, m.roles from organisations.membership m
     join organisations.user_account u on u.id = m.user_id
     where m.organisation_id = $1 order by u.display_name`,
    [organisationId],
  );
  return result.rows.map((row) => ({
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
  }));
}

export async function upsertMembership(
  q: Queryable,
  organisationId: string,
  userId: string,
  roles: readonly Role[],
): Promise<Role[] | null> {
  const before = await q.query<{ roles: Role[] }>(
    'select roles from organisations.membership where organisation_id = $1 and user_id = $2 for update',
    [organisationId, userId],
  );
  await q.query(
    `insert into organisations.membership (organisation_id, user_id, roles) values ($1, $2, $3)
     on conflict (organisation_id, user_id) do update set roles = excluded.roles`,
    [organisationId, userId, roles],
  );
  return before.rows[0]?.roles ?? null;
}

export async function deleteMembership(
  q: Queryable,
  organisationId: string,
  userId: string,
): Promise<Role[] | null> {
  const result = await q.query<{ roles: Role[] }>(
    'delete from organisations.membership where organisation_id = $1 and user_id = $2 returning roles',
    [organisationId, userId],
  );
  return result.rows[0]?.roles ?? null;
}

export async function insertSession(
  q: Queryable,
  session: {
    tokenHash: string;
    userId: string;
    organisationId: string | null;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await q.query(
    `insert into organisations.session (token_hash, user_id, current_organisation_id, created_at, expires_at)
     values ($1, $2, $3, $4, $5)`,
    [session.tokenHash, session.userId, session.organisationId, session.createdAt, session.expiresAt],
  );
}

export async function selectSession(
  q: Queryable,
  tokenHash: string,
): Promise<{ userId: string; organisationId: string | null; expiresAt: Date } | null> {
  const result = await q.query<{ user_id: string; current_organisation_id: string | null; expires_at: Date }>(
    'select user_id, current_organisation_id, expires_at from organisations.session where token_hash = $1',
    [tokenHash],
  );
  const row = result.rows[0];
  return row
    ? { userId: row.user_id, organisationId: row.current_organisation_id, expiresAt: row.expires_at }
    : null;
}

export async function updateSessionOrganisation(
  q: Queryable,
  tokenHash: string,
  organisationId: string,
): Promise<void> {
  await q.query('update organisations.session set current_organisation_id = $2 where token_hash = $1', [
    tokenHash,
    organisationId,
  ]);
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('delete from organisations.session where token_hash = $1', [tokenHash]);
}

export async function insertApiToken(
  q: Queryable,
  token: {
    id: string;
    organisationId: string;
    tokenHash: string;
    name: string;
    roles: readonly Role[];
    createdBy: string;
    createdAt: Date;
    expiresAt: Date | null;
  },
): Promise<void> {
  await q.query(
    `insert into organisations.api_token (id, organisation_id, token_hash, name, roles, created_by, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      token.id,
      token.organisationId,
      token.tokenHash,
      token.name,
      token.roles,
      token.createdBy,
      token.createdAt,
      token.expiresAt,
    ],
  );
}

export async function selectApiToken(q: Queryable, id: string) {
  const result = await q.query<{
    id: string;
    organisation_id: string;
    token_hash: string;
    roles: Role[];
    created_by: string;
    expires_at: Date | null;
    revoked_at: Date | null;
  }>(
    'select id, organisation_id, token_hash, roles, created_by, expires_at, revoked_at from organisations.api_token where id = $1',
    [id],
  );
  return result.rows[0] ?? null;
}

export async function revokeApiTokenRow(
  q: Queryable,
  id: string,
  organisationId: string,
  at: Date,
): Promise<boolean> {
  const result = await q.query(
    'update organisations.api_token set revoked_at = $3 where id = $1 and organisation_id = $2 and revoked_at is null',
    [id, organisationId, at],
  );
  return result.rowCount > 0;
}
