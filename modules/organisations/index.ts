export {
  definePermissions,
  isRole,
  organisationPermissions,
  type Permissions,
  type PermissionTable,
  ROLE_LABELS,
  ROLES,
  type Role,
} from './domain/roles';
export type { OrganisationsErrorCode } from './errors';
export { createOrganisationsService, type OidcIdentity, type OrganisationsService } from './service';
export { organisationsMigrations } from './sql/migrations';
export type {
  IssuedApiToken,
  Member,
  Membership,
  NewOrganisation,
  Organisation,
  OrganisationKind,
  OrganisationStatus,
  Principal,
  TrustType,
  User,
} from './types';
