export {
  type Actor,
  type ActorKind,
  assertOrganisationId,
  isOrganisationId,
  type ReadScope,
  systemActor,
  type TenantContext,
} from './context';
export {
  createTenantRunner,
  type PlatformTx,
  type ScopedReadTx,
  type TenantRunner,
  type TenantTx,
} from './transaction';
