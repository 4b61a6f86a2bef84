import type { Role } from './domain/roles';

export type OrganisationKind = 'shared-service-provider' | 'icb' | 'trust';
export type TrustType = 'acute' | 'community' | 'mental-health' | 'ambulance';
/** member: runs on Mainstay; onboarding: about to join (gap analysis); external: only its data is analysed. */
export type OrganisationStatus = 'member' | 'onboarding' | 'external';

export type Organisation = {
  id: string;
  name: string;
  kind: OrganisationKind;
  trustType: TrustType | null;
  parentId: string | null;
  status: OrganisationStatus;
  region: string | null;
  annualIncomePence: bigint | null;
};

export type NewOrganisation = Omit<
  Organisation,
  'trustType' | 'parentId' | 'region' | 'annualIncomePence'
> & {
  trustType?: TrustType | null;
  parentId?: string | null;
  region?: string | null;
  annualIncomePence?: bigint | null;
};

export type User = { id: string; email: string; displayName: string; status: 'active' | 'disabled' };

export type Membership = { organisationId: string; organisationName: string; roles: Role[] };

export type Member = { userId: string; email: string; displayName: string; roles: Role[] };

/** Who is calling, and through what: a browser session or a machine token. */
export type Principal = {
  userId: string;
  email: string;
  displayName: string;
  memberships: Membership[];
  via: 'session' | 'api-token';
  /** For a session: the organisation last chosen in the switcher. */
  sessionOrganisationId: string | null;
  /** For an API token: the one organisation and the roles it was issued for. */
  apiToken: { id: string; organisationId: string; roles: Role[] } | null;
};

export type IssuedApiToken = {
  id: string;
  token: string;
  organisationId: string;
  roles: Role[];
  expiresAt: string | null;
};
