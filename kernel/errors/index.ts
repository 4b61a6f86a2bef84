export {
  assertUnreachable,
  badRequest,
  conflict,
  DomainError,
  type ErrorKind,
  forbidden,
  invalid,
  isDomainError,
  notFound,
  type ValidationIssue,
} from './domain-error';
export { errorKindStatus } from './status';
