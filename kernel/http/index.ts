export type { AppEnv, Caller, SystemScopeResolver } from './caller';
export { idempotentWrite, replayHeaders } from './idempotency';
export { sendJson, toApiJson } from './json';
export {
  idempotentHeaders,
  jsonContent,
  organisationHeaders,
  ProblemSchema,
  pageOf,
  pageQuery,
  penceSchema,
  standardErrors,
} from './openapi';
export { type Problem, problemFor } from './problem';
export { addRoute, newRouter, type RouteContext } from './router';
export { idempotencyKeyOf, ORGANISATION_HEADER, readScopeOf, requireCaller, tenantOf } from './tenant';
