export type AddressPurpose = 'registered' | 'trading' | 'ordering' | 'remittance';

export type SupplierAddress = {
  purpose: AddressPurpose;
  lines: string[];
  town: string;
  postcode: string;
  /** ISO 3166-1 alpha-2 */
  countryCode: string;
};

export type SupplierContact = {
  id: string;
  name: string;
  role: string | null;
  email: string | null;
  telephone: string | null;
  /** When the contact was put on file: a bank change can only be verified through contacts on file before it. */
  addedAt: string;
  addedBy: string;
};

export type SupplierStatus = 'active' | 'inactive';

export type Supplier = {
  id: string;
  organisationId: string;
  name: string;
  /** 8 characters, e.g. "01234567" or "SC123456" */
  companiesHouseNumber: string | null;
  /** "GB" and 9 digits, or GBGD/GBHA and 3 digits */
  vatNumber: string | null;
  /** PEPPOL participant identifier: EAS scheme code (e.g. 0088, 9932) and the identifier */
  endpointScheme: string | null;
  endpointId: string | null;
  gln: string | null;
  /** Days from invoice receipt to payment; null means the framework standard (`payables.paymentTermsDays`). */
  paymentTermsDays: number | null;
  addresses: SupplierAddress[];
  contacts: SupplierContact[];
  status: SupplierStatus;
  /** A bank-detail change is waiting for a second person's call-back verification. */
  pendingBankChange: boolean;
  createdAt: string;
  updatedAt: string;
};

export type SupplierIdentifiers = {
  vatNumber?: string | null;
  companiesHouseNumber?: string | null;
  endpointScheme?: string | null;
  endpointId?: string | null;
  gln?: string | null;
};

export type NewContact = {
  name: string;
  role?: string | null;
  email?: string | null;
  telephone?: string | null;
};

export type NewSupplier = {
  name: string;
  companiesHouseNumber?: string | null;
  vatNumber?: string | null;
  endpointScheme?: string | null;
  endpointId?: string | null;
  gln?: string | null;
  paymentTermsDays?: number | null;
  addresses?: SupplierAddress[];
  contacts?: NewContact[];
};

export type SupplierChanges = Partial<Omit<NewSupplier, 'contacts'>> & { status?: SupplierStatus };

export type BankDetailsStatus = 'pending' | 'verified' | 'rejected' | 'superseded';

/** One set of bank details as entered, and what became of it. */
export type BankDetailsRecord = {
  id: string;
  supplierId: string;
  sortCode: string;
  accountNumber: string;
  accountName: string;
  status: BankDetailsStatus;
  /** Where the change came from, e.g. "letter on supplier letterhead dated 3 June". */
  source: string;
  enteredBy: string;
  enteredAt: string;
  verifiedBy: string | null;
  verifiedAt: string | null;
  /** The contact on file who was called back. */
  verificationContactId: string | null;
  verificationNote: string | null;
  rejectedBy: string | null;
  rejectedAt: string | null;
};

/** What payables may pay to: only details a second person has verified. */
export type VerifiedBankDetails = {
  sortCode: string;
  accountNumber: string;
  accountName: string;
  verifiedAt: string;
  verifiedBy: string;
};
