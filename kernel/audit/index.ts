export { type AuditEntryView, listAuditEntries } from './read';
export { type AuditRecord, GENESIS_HASH } from './types';
export { type AuditProblem, type AuditProblemKind, type AuditVerification, verifyAuditChain } from './verify';
