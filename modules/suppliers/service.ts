import type { ValidationIssue } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { ScopedReadTx, TenantTx } from '../../kernel/tenancy';
import type { FrameworkService } from '../framework';
import { type BankDetailsInput, maskAccountNumber, readBankDetails } from './domain/bank-details';
import { lookupForm } from './domain/identifiers';
import { readContact, readSupplierFields, type SupplierFields } from './domain/supplier-record';
import { suppliersError } from './errors';
import * as sql from './sql/queries';
import type {
  BankDetailsRecord,
  NewContact,
  NewSupplier,
  Supplier,
  SupplierChanges,
  SupplierContact,
  SupplierIdentifiers,
  VerifiedBankDetails,
} from './types';

export type BankDetailsChange = BankDetailsInput & {
  /** Where the request came from, e.g. "letter on supplier letterhead, 3 June". */
  source: string;
};

export type BankVerification = {
  bankDetailsId: string;
  /** The contact on file who was called back on the number already held. */
  contactId: string;
  outcome: 'confirmed' | 'rejected';
  note: string;
};

const blankToNull = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : value;

/** What the audit keeps of a set of bank details: enough to trace a fraud, not a second copy of the account number. */
const auditedBankDetails = (details: BankDetailsInput) => ({
  sortCode: details.sortCode,
  accountNumber: maskAccountNumber(details.accountNumber),
  accountName: details.accountName,
});

/** The normalised identifiers to look a supplier up by, or null when none is given. */
function lookupOf(identifiers: SupplierIdentifiers): sql.IdentifierLookup | null {
  const vat = blankToNull(identifiers.vatNumber);
  const companiesHouse = blankToNull(identifiers.companiesHouseNumber);
  const gln = blankToNull(identifiers.gln);
  const endpointScheme = blankToNull(identifiers.endpointScheme)?.trim() ?? null;
  const endpointId = blankToNull(identifiers.endpointId);
  const endpoint =
    endpointScheme && endpointId
      ? {
          endpointScheme,
          endpointId:
            endpointScheme === '9932'
              ? lookupForm('vat', endpointId)
              : endpointScheme === '0088'
                ? lookupForm('gln', endpointId)
                : endpointId.trim(),
        }
      : { endpointScheme: null, endpointId: null };
  if (!vat && !companiesHouse && !gln && !endpoint.endpointId) return null;
  return {
    vatNumber: vat ? lookupForm('vat', vat) : null,
    companiesHouseNumber: companiesHouse ? lookupForm('companies-house', companiesHouse) : null,
    gln: gln ? lookupForm('gln', gln) : null,
    ...endpoint,
  };
}

export function createSuppliersService({ framework }: { framework: FrameworkService }) {
  async function requireSupplier(tx: TenantTx | ScopedReadTx, supplierId: string): Promise<Supplier> {
    const supplier = await sql.selectSupplier(tx, supplierId);
    if (!supplier) throw suppliersError('SUPPLIER_NOT_FOUND', `No supplier ${supplierId}`);
    return supplier;
  }

  /**
   * For each set of identifiers, the supplier holding any of them, strongest first (PEPPOL
   * endpoint, GLN, VAT, Companies House), or null. Identifiers are compared in their normalised
   * form ("GB 999 9999 73" finds GB999999973); names are never matched here.
   */
  async function findSuppliersByIdentifiers(
    tx: TenantTx | ScopedReadTx,
    list: readonly SupplierIdentifiers[],
  ): Promise<(Supplier | null)[]> {
    const lookups = list.map(lookupOf);
    const asked = lookups.flatMap((lookup, index) => (lookup ? [{ lookup, index }] : []));
    const found = await sql.selectSuppliersByIdentifiers(
      tx,
      asked.map((entry) => entry.lookup),
    );
    const result: (Supplier | null)[] = list.map(() => null);
    asked.forEach((entry, position) => {
      result[entry.index] = found[position] ?? null;
    });
    return result;
  }

  /** Each supplier's own terms, or the framework's standard payment terms where it has none. */
  async function effectivePaymentTermsDaysOf(
    tx: TenantTx,
    supplierIds: readonly string[],
  ): Promise<Map<string, number>> {
    const own = await sql.selectPaymentTerms(tx, supplierIds);
    const missing = supplierIds.find((id) => !own.has(id));
    if (missing) throw suppliersError('SUPPLIER_NOT_FOUND', `No supplier ${missing}`);
    if (![...own.values()].includes(null)) return own as Map<string, number>;
    const standard = (await framework.resolve(tx, 'payables.paymentTermsDays')).value;
    return new Map([...own].map(([id, days]) => [id, days ?? standard]));
  }

  async function refuseClash(tx: TenantTx, fields: SupplierFields, exceptId: string | null) {
    const clash = await sql.selectIdentifierClash(tx, fields, exceptId);
    if (clash) {
      throw suppliersError(
        'SUPPLIER_DUPLICATE',
        `${clash.name} (${clash.id}) already has that ${clash.field}`,
        [
          {
            path: clash.field,
            rule: 'supplier-identifier-unique',
            message: `Already on file for ${clash.name}: use that supplier record`,
          },
        ],
      );
    }
  }

  function contactRows(tx: TenantTx, contacts: readonly NewContact[], pathOf: (index: number) => string) {
    const issues: ValidationIssue[] = [];
    const rows = contacts.map((contact, index) => ({
      id: newId('sco'),
      ...readContact(contact, pathOf(index), issues),
      addedBy: tx.ctx.actor.id,
      addedAt: tx.now,
    }));
    return { rows, issues };
  }

  async function enterBankDetails(
    tx: TenantTx,
    supplier: Supplier,
    change: BankDetailsChange,
    options: { path?: string; newSupplier?: boolean } = {},
  ) {
    const path = options.path ?? '';
    const { value, issues } = readBankDetails(change, path);
    if (change.source.trim() === '') {
      issues.push({
        path: `${path}source`,
        rule: 'bank-change-source-required',
        message: 'Say where the request for new bank details came from',
      });
    }
    if (issues.length > 0) {
      throw suppliersError('BANK_DETAILS_INVALID', issues[0]!.message, issues);
    }
    const [pending] = options.newSupplier
      ? []
      : await sql.selectBankDetails(tx, supplier.id, { status: 'pending' });
    if (pending) {
      throw suppliersError(
        'BANK_CHANGE_PENDING',
        `${supplier.name} already has a bank-detail change waiting for verification: verify or reject it first`,
        [
          {
            path: `${path}sortCode`,
            rule: 'one-pending-bank-change',
            message: `Change ${pending.id} is pending`,
          },
        ],
      );
    }
    const id = newId('sbd');
    await sql.insertBankDetails(tx, tx.ctx.organisationId, {
      id,
      supplierId: supplier.id,
      ...value,
      source: change.source.trim(),
      by: tx.ctx.actor.id,
      at: tx.now,
    });
    tx.audit({
      action: 'suppliers.bank-details.entered',
      entityType: 'supplier-bank-details',
      entityId: id,
      after: { supplierId: supplier.id, ...auditedBankDetails(value), status: 'pending' },
      reason: change.source.trim(),
    });
    return id;
  }

  const service = {
    async createSupplier(
      tx: TenantTx,
      input: NewSupplier & { bankDetails?: BankDetailsChange },
    ): Promise<Supplier> {
      const { fields, issues } = readSupplierFields(input);
      const contacts = contactRows(tx, input.contacts ?? [], (index) => `contacts[${index}]`);
      const allIssues = [...issues, ...contacts.issues];
      if (allIssues.length > 0) {
        throw suppliersError(
          'SUPPLIER_INVALID',
          allIssues.length === 1 ? allIssues[0]!.message : `${allIssues.length} problems with the supplier`,
          allIssues,
        );
      }
      await refuseClash(tx, fields, null);
      const id = newId('sup');
      await sql.insertSupplier(tx, tx.ctx.organisationId, { id, fields, by: tx.ctx.actor.id, at: tx.now });
      await sql.insertContacts(tx, tx.ctx.organisationId, id, contacts.rows);
      tx.audit({
        action: 'suppliers.supplier.created',
        entityType: 'supplier',
        entityId: id,
        after: { ...fields, contacts: contacts.rows.map((row) => ({ ...row, addedAt: undefined })) },
      });
      const at = tx.now.toISOString();
      const supplier: Supplier = {
        id,
        organisationId: tx.ctx.organisationId,
        ...fields,
        contacts: contacts.rows.map(({ addedAt: _at, ...contact }) => ({ ...contact, addedAt: at })),
        status: 'active',
        pendingBankChange: false,
        createdAt: at,
        updatedAt: at,
      };
      if (!input.bankDetails) return supplier;
      await enterBankDetails(tx, supplier, input.bankDetails, { path: 'bankDetails.', newSupplier: true });
      return { ...supplier, pendingBankChange: true };
    },

    async updateSupplier(tx: TenantTx, supplierId: string, changes: SupplierChanges): Promise<Supplier> {
      const before = await requireSupplier(tx, supplierId);
      const merged = { ...before, ...changes, name: changes.name ?? before.name };
      const { fields, issues } = readSupplierFields(merged);
      if (issues.length > 0) {
        throw suppliersError(
          'SUPPLIER_INVALID',
          issues.length === 1 ? issues[0]!.message : `${issues.length} problems with the supplier`,
          issues,
        );
      }
      await refuseClash(tx, fields, supplierId);
      const status = changes.status ?? before.status;
      await sql.updateSupplier(tx, supplierId, { ...fields, status }, tx.now);
      const { contacts: _contacts, pendingBankChange: _pending, ...auditBefore } = before;
      tx.audit({
        action: 'suppliers.supplier.updated',
        entityType: 'supplier',
        entityId: supplierId,
        before: auditBefore,
        after: { ...fields, status },
      });
      return requireSupplier(tx, supplierId);
    },

    /** The supplier, or SUPPLIER_NOT_FOUND. */
    async getSupplier(tx: TenantTx | ScopedReadTx, supplierId: string): Promise<Supplier> {
      return requireSupplier(tx, supplierId);
    },

    async listSuppliers(
      tx: TenantTx | ScopedReadTx,
      filter: { search?: string; ids?: readonly string[]; status?: Supplier['status']; limit?: number } = {},
    ): Promise<Supplier[]> {
      return sql.selectSuppliers(tx, { ...filter, limit: Math.min(filter.limit ?? 100, 1000) });
    },

    findSuppliersByIdentifiers,

    async findSupplierByIdentifiers(
      tx: TenantTx | ScopedReadTx,
      identifiers: SupplierIdentifiers,
    ): Promise<Supplier | null> {
      const [found] = await findSuppliersByIdentifiers(tx, [identifiers]);
      return found ?? null;
    },

    effectivePaymentTermsDaysOf,

    /** The supplier's own terms, or the framework's standard payment terms where it has none. */
    async effectivePaymentTermsDays(tx: TenantTx, supplierId: string): Promise<number> {
      return (await effectivePaymentTermsDaysOf(tx, [supplierId])).get(supplierId)!;
    },

    async addContact(tx: TenantTx, supplierId: string, contact: NewContact): Promise<SupplierContact> {
      await requireSupplier(tx, supplierId);
      const { rows, issues } = contactRows(tx, [contact], () => 'contact');
      if (issues.length > 0) throw suppliersError('CONTACT_INVALID', issues[0]!.message, issues);
      await sql.insertContacts(tx, tx.ctx.organisationId, supplierId, rows);
      const row = rows[0]!;
      tx.audit({
        action: 'suppliers.contact.added',
        entityType: 'supplier-contact',
        entityId: row.id,
        after: { supplierId, name: row.name, role: row.role, email: row.email, telephone: row.telephone },
      });
      return { ...row, addedAt: tx.now.toISOString() };
    },

    async removeContact(tx: TenantTx, supplierId: string, contactId: string, reason: string): Promise<void> {
      const contact = await sql.selectContact(tx, supplierId, contactId);
      if (!contact || !(await sql.markContactRemoved(tx, supplierId, contactId, tx.now))) {
        throw suppliersError(
          'CONTACT_NOT_FOUND',
          `No current contact ${contactId} for supplier ${supplierId}`,
        );
      }
      tx.audit({
        action: 'suppliers.contact.removed',
        entityType: 'supplier-contact',
        entityId: contactId,
        before: { supplierId, name: contact.name, email: contact.email, telephone: contact.telephone },
        reason,
      });
    },

    /** Enters new bank details; they stay pending, and the verified ones stay in force, until a second person verifies them. */
    async requestBankDetailsChange(
      tx: TenantTx,
      supplierId: string,
      change: BankDetailsChange,
    ): Promise<BankDetailsRecord> {
      const supplier = await requireSupplier(tx, supplierId);
      const id = await enterBankDetails(tx, supplier, change);
      return (await sql.selectBankDetails(tx, supplierId, { id }))[0]!;
    },

    /**
     * Records the call-back: a second person (never the one who entered the
     * change) rang a contact who was on file before the change was entered. A
     * confirmation puts the new details in force; a rejection leaves the old ones.
     */
    async recordBankDetailsVerification(
      tx: TenantTx,
      supplierId: string,
      verification: BankVerification,
    ): Promise<BankDetailsRecord> {
      const supplier = await requireSupplier(tx, supplierId);
      const history = await sql.selectBankDetails(tx, supplierId);
      const change = history.find((record) => record.id === verification.bankDetailsId);
      if (!change) {
        throw suppliersError(
          'BANK_CHANGE_NOT_FOUND',
          `No bank-detail change ${verification.bankDetailsId} for ${supplier.name}`,
        );
      }
      if (change.status !== 'pending') {
        throw suppliersError(
          'BANK_CHANGE_NOT_PENDING',
          `That bank-detail change is already ${change.status}`,
        );
      }
      const note = verification.note.trim();
      if (verification.outcome === 'rejected') {
        if (note === '') {
          throw suppliersError('BANK_VERIFICATION_CONTACT_INVALID', 'Say why the change is rejected', [
            {
              path: 'note',
              rule: 'rejection-reason-required',
              message: 'Give the reason for rejecting the change',
            },
          ]);
        }
        await sql.rejectPendingBankDetails(tx, {
          id: change.id,
          by: tx.ctx.actor.id,
          at: tx.now,
          contactId: blankToNull(verification.contactId),
          note,
        });
        tx.audit({
          action: 'suppliers.bank-details.rejected',
          entityType: 'supplier-bank-details',
          entityId: change.id,
          before: { status: 'pending' },
          after: { status: 'rejected', supplierId, contactId: blankToNull(verification.contactId) },
          reason: note,
        });
        return {
          ...change,
          status: 'rejected',
          rejectedBy: tx.ctx.actor.id,
          rejectedAt: tx.now.toISOString(),
          verificationContactId: blankToNull(verification.contactId),
          verificationNote: note,
        };
      }
      if (change.enteredBy === tx.ctx.actor.id) {
        throw suppliersError(
          'BANK_VERIFIER_SAME_PERSON',
          'You entered this change, so someone else must verify it (mandate-fraud control)',
          [
            {
              path: 'bankDetailsId',
              rule: 'bank-change-second-person',
              message: 'A second person verifies bank-detail changes',
            },
          ],
        );
      }
      const contact = await sql.selectContact(tx, supplierId, verification.contactId);
      // A new supplier's first details may be checked with the contacts it was set up with; a later change never
      // with a contact added alongside it, since a fraudster changing the account would give their own number.
      const firstDetails = history.every((record) => record.id === change.id || record.verifiedAt === null);
      const contactIssue = !contact
        ? verification.contactId.trim() === ''
          ? 'Choose the contact on file you called back'
          : `No contact ${verification.contactId} on file for ${supplier.name}`
        : contact.addedAt > change.enteredAt || (contact.addedAt === change.enteredAt && !firstDetails)
          ? `${contact.name} was added at the same time as or after the change: call a contact who was on file before it`
          : contact.addedBy === change.enteredBy && !firstDetails
            ? `${contact.name} was put on file by the person who entered the change: call a contact someone else recorded`
            : contact.removedAt !== null && contact.removedAt <= change.enteredAt
              ? `${contact.name} was no longer on file when the change was entered`
              : contact.telephone === null
                ? `${contact.name} has no telephone number on file to call back`
                : null;
      if (contactIssue) {
        throw suppliersError('BANK_VERIFICATION_CONTACT_INVALID', contactIssue, [
          { path: 'contactId', rule: 'call-back-contact-on-file', message: contactIssue },
        ]);
      }
      if (note === '') {
        throw suppliersError('BANK_VERIFICATION_CONTACT_INVALID', 'Record what the contact confirmed', [
          {
            path: 'note',
            rule: 'verification-note-required',
            message: 'Say who you spoke to and what they confirmed',
          },
        ]);
      }
      const inForce = history.find((record) => record.status === 'verified');
      await sql.verifyPendingBankDetails(tx, {
        id: change.id,
        supplierId,
        by: tx.ctx.actor.id,
        at: tx.now,
        contactId: verification.contactId,
        note,
      });
      tx.audit({
        action: 'suppliers.bank-details.verified',
        entityType: 'supplier-bank-details',
        entityId: change.id,
        before: inForce ? { inForce: inForce.id, ...auditedBankDetails(inForce) } : null,
        after: {
          status: 'verified',
          supplierId,
          contactId: verification.contactId,
          ...auditedBankDetails(change),
        },
        reason: note,
      });
      return {
        ...change,
        status: 'verified',
        verifiedBy: tx.ctx.actor.id,
        verifiedAt: tx.now.toISOString(),
        verificationContactId: verification.contactId,
        verificationNote: note,
      };
    },

    async bankDetailsHistory(tx: TenantTx, supplierId: string): Promise<BankDetailsRecord[]> {
      await requireSupplier(tx, supplierId);
      return sql.selectBankDetails(tx, supplierId);
    },

    /** The bank details a payment may go to: verified by a second person, never a pending change. Null when none are verified. */
    async verifiedBankDetails(tx: TenantTx, supplierId: string): Promise<VerifiedBankDetails | null> {
      const [inForce] = await sql.selectBankDetails(tx, supplierId, { status: 'verified' });
      if (!inForce || inForce.verifiedAt === null || inForce.verifiedBy === null) return null;
      return {
        sortCode: inForce.sortCode,
        accountNumber: inForce.accountNumber,
        accountName: inForce.accountName,
        verifiedAt: inForce.verifiedAt,
        verifiedBy: inForce.verifiedBy,
      };
    },
  };
  return service;
}

export type SuppliersService = ReturnType<typeof createSuppliersService>;
