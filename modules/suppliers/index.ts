export { formatSortCode, maskAccountNumber } from './domain/bank-details';
export {
  checkCompaniesHouseNumber,
  checkGln,
  checkPeppolParticipant,
  checkUkVatNumber,
  type IdentifierCheck,
} from './domain/identifiers';
export type { SuppliersErrorCode } from './errors';
export { suppliersPermissions } from './permissions';
export {
  type BankDetailsChange,
  type BankVerification,
  createSuppliersService,
  type SuppliersService,
} from './service';
export { suppliersMigrations } from './sql/migrations';
export type {
  AddressPurpose,
  BankDetailsRecord,
  BankDetailsStatus,
  NewContact,
  NewSupplier,
  Supplier,
  SupplierAddress,
  SupplierChanges,
  SupplierContact,
  SupplierIdentifiers,
  SupplierStatus,
  VerifiedBankDetails,
} from './types';
