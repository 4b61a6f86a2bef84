export { compileReleases } from './compile';
export type { Json, JsonObject } from './json';
export {
  contractAwardNotice,
  contractDetailsNotice,
  ocdsAmountNumber,
  partyId,
  tenderNotice,
} from './notices';
export { buildRecordPackage, buildReleasePackage, type PackageOptions } from './packages';
export { OCDS_VERSION, type OcdsProfile, UK_EXTENSION_URL, UK_EXTENSIONS } from './schemas';
export type {
  ContractAwardNoticeInput,
  ContractDetailsNoticeInput,
  NoticeBase,
  OcdsAmount,
  OcdsOrganisation,
  OcdsRelease,
  PackageInput,
  ProcurementCategory,
  ProcurementMethod,
  PublisherInput,
  TenderNoticeInput,
  UkBuyerType,
} from './types';
export {
  type OcdsSchemaError,
  type OcdsValidation,
  type ValidationOptions,
  validateRecordPackage,
  validateReleasePackage,
} from './validate';
