import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import type { TenantTx } from '../../kernel/tenancy';
import type { Clock } from '../../kernel/time';
import { testEngines } from '../../testing/database';
import { contextFor, openTestPlatform, seedTestSystem } from '../../testing/platform';
import type { NewSupplier } from './index';

/** Each transaction a second later than the last, so "on file before the change" means something. */
function tickingClock(start: string): Clock {
  let at = Date.parse(start);
  return {
    now: () => {
      at += 1_000;
      return new Date(at);
    },
  };
}

const medline: NewSupplier = {
  name: 'Medline Industries Ltd',
  vatNumber: 'GB 999 9999 73',
  companiesHouseNumber: '2345678',
  endpointScheme: '0088',
  endpointId: '5012345000008',
  addresses: [
    {
      purpose: 'registered',
      lines: ['1 Example Park'],
      town: 'Prescot',
      postcode: 'l34 9aa',
      countryCode: 'GB',
    },
  ],
  contacts: [
    { name: 'Accounts receivable', role: 'Finance', email: 'ar@medline.example', telephone: '0151 000 0000' },
  ],
};

describe.each(testEngines())('suppliers on %s', (engine) => {
  let platform: Platform;
  let ids: Awaited<ReturnType<typeof seedTestSystem>>;
  const as = <T>(actor: string, work: (tx: TenantTx) => Promise<T>, organisation?: string) =>
    platform.runner.withTenant(contextFor(organisation ?? ids.trustA, actor), work);

  beforeAll(async () => {
    platform = await openTestPlatform(engine, tickingClock('2026-06-15T10:00:00Z'));
    ids = await seedTestSystem(platform, 'S');
  });
  afterAll(async () => platform.db.close());

  it('keeps identifiers in one checked form and finds the supplier by any of them, however written', async () => {
    const created = await as('usr_clerk', (tx) => platform.suppliers.createSupplier(tx, medline));
    expect(created).toMatchObject({
      vatNumber: 'GB999999973',
      companiesHouseNumber: '02345678',
      endpointScheme: '0088',
      endpointId: '5012345000008',
      paymentTermsDays: null,
      pendingBankChange: false,
    });
    expect(created.addresses[0]!.postcode).toBe('L34 9AA');
    for (const identifiers of [
      { vatNumber: '999999973' },
      { vatNumber: 'gb999999973001' },
      { companiesHouseNumber: '02345678' },
      { endpointScheme: '0088', endpointId: '5012345000008' },
      { endpointScheme: '9932', endpointId: 'nothing', vatNumber: 'GB999999973' },
    ]) {
      const found = await as('usr_clerk', (tx) =>
        platform.suppliers.findSupplierByIdentifiers(tx, identifiers),
      );
      expect(found?.id, JSON.stringify(identifiers)).toBe(created.id);
    }
    expect(
      await as('usr_clerk', (tx) =>
        platform.suppliers.findSupplierByIdentifiers(tx, { vatNumber: 'GB100000132' }),
      ),
    ).toBeNull();
    expect(await as('usr_clerk', (tx) => platform.suppliers.findSupplierByIdentifiers(tx, {}))).toBeNull();
    expect(await as('usr_clerk', (tx) => platform.suppliers.getSupplier(tx, created.id))).toMatchObject({
      name: 'Medline Industries Ltd',
    });
  });

  it('refuses a supplier whose identifiers fail their checks, naming each field and rule', async () => {
    const error = await as('usr_clerk', (tx) =>
      platform.suppliers.createSupplier(tx, {
        name: ' ',
        vatNumber: 'GB999999974',
        companiesHouseNumber: '123456789',
        endpointScheme: '0088',
        endpointId: '5012345000009',
        gln: '123',
        paymentTermsDays: 200,
      }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SUPPLIER_INVALID' });
    const found = (error as { issues: { path: string; rule: string }[] }).issues.map(
      (i) => `${i.path}:${i.rule}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'name:supplier-name-required',
        'vatNumber:vat-number-check-digits',
        'companiesHouseNumber:companies-house-number-format',
        'endpointId:gln-incorrect-check-digit',
        'gln:gln-too-short',
        'paymentTermsDays:payment-terms-range',
      ]),
    );
  });

  it('refuses a second supplier record with the same VAT number, naming the one on file', async () => {
    await expect(
      as('usr_clerk', (tx) =>
        platform.suppliers.createSupplier(tx, {
          name: 'MEDLINE INDUSTRIES LIMITED',
          vatNumber: 'GB999999973',
        }),
      ),
    ).rejects.toMatchObject({
      code: 'SUPPLIER_DUPLICATE',
      issues: [{ path: 'vatNumber', rule: 'supplier-identifier-unique' }],
    });
  });

  it("keeps each organisation's supplier master to itself: the same company is a separate record at trust B", async () => {
    const atB = await as(
      'usr_clerk',
      (tx) => platform.suppliers.createSupplier(tx, { ...medline, name: 'MEDLINE INDUSTRIES LIMITED' }),
      ids.trustB,
    );
    const fromA = await as('usr_clerk', (tx) =>
      platform.suppliers.findSupplierByIdentifiers(tx, { vatNumber: 'GB999999973' }),
    );
    expect(fromA?.id).not.toBe(atB.id);
    await expect(as('usr_clerk', (tx) => platform.suppliers.getSupplier(tx, atB.id))).rejects.toMatchObject({
      code: 'SUPPLIER_NOT_FOUND',
    });
  });

  it('uses the framework standard payment terms unless the supplier has its own', async () => {
    const supplier = await as('usr_clerk', (tx) =>
      platform.suppliers.findSupplierByIdentifiers(tx, { vatNumber: 'GB999999973' }),
    );
    expect(
      await as('usr_clerk', (tx) => platform.suppliers.effectivePaymentTermsDays(tx, supplier!.id)),
    ).toBe(30);
    await as('usr_clerk', (tx) =>
      platform.suppliers.updateSupplier(tx, supplier!.id, { paymentTermsDays: 14 }),
    );
    expect(
      await as('usr_clerk', (tx) => platform.suppliers.effectivePaymentTermsDays(tx, supplier!.id)),
    ).toBe(14);
  });

  it('finds a whole batch of sellers and their terms in one call each, in the order asked', async () => {
    const second = await as('usr_clerk', (tx) =>
      platform.suppliers.createSupplier(tx, {
        name: 'Ward Supplies Ltd',
        vatNumber: 'GB200000179',
        addresses: medline.addresses,
      }),
    );
    const found = await as('usr_clerk', (tx) =>
      platform.suppliers.findSuppliersByIdentifiers(tx, [
        { vatNumber: 'GB 200 0001 79' },
        {},
        { endpointScheme: '0088', endpointId: '5012345000008' },
        { vatNumber: 'GB100000132' },
        { companiesHouseNumber: '02345678', vatNumber: 'GB200000179' },
      ]),
    );
    const medlineId = found[2]!.id;
    // The last names both; the VAT number is the stronger identifier
    expect(found.map((supplier) => supplier?.id ?? null)).toEqual([
      second.id,
      null,
      medlineId,
      null,
      second.id,
    ]);
    expect(found[0]!.contacts).toEqual([]);
    const terms = await as('usr_clerk', (tx) =>
      platform.suppliers.effectivePaymentTermsDaysOf(tx, [second.id, medlineId]),
    );
    expect(Object.fromEntries(terms)).toEqual({ [second.id]: 30, [medlineId]: 14 });
    await expect(
      as('usr_clerk', (tx) => platform.suppliers.effectivePaymentTermsDaysOf(tx, [second.id, 'sup_missing'])),
    ).rejects.toMatchObject({ code: 'SUPPLIER_NOT_FOUND' });
  });

  describe('bank-detail changes (mandate-fraud control)', () => {
    let supplierId: string;
    let contactOnFile: string;

    beforeAll(async () => {
      const supplier = await as('usr_clerk', (tx) =>
        platform.suppliers.createSupplier(tx, {
          name: 'Example Surgical Ltd',
          vatNumber: 'GB100000132',
          contacts: [{ name: 'Jo Finance', telephone: '01632 960000' }],
          bankDetails: {
            sortCode: '12-34-56',
            accountNumber: '1234 5678',
            accountName: 'Example Surgical Ltd',
            source: 'new supplier form',
          },
        }),
      );
      supplierId = supplier.id;
      contactOnFile = supplier.contacts[0]!.id;
    });

    it('holds new details as pending: nothing is payable until a second person verifies them', async () => {
      expect(
        await as('usr_clerk', (tx) => platform.suppliers.verifiedBankDetails(tx, supplierId)),
      ).toBeNull();
      const history = await as('usr_clerk', (tx) => platform.suppliers.bankDetailsHistory(tx, supplierId));
      expect(history).toMatchObject([{ status: 'pending', sortCode: '123456', accountNumber: '12345678' }]);
    });

    it('refuses verification by the person who entered the change', async () => {
      const [pending] = await as('usr_clerk', (tx) => platform.suppliers.bankDetailsHistory(tx, supplierId));
      await expect(
        as('usr_clerk', (tx) =>
          platform.suppliers.recordBankDetailsVerification(tx, supplierId, {
            bankDetailsId: pending!.id,
            contactId: contactOnFile,
            outcome: 'confirmed',
            note: 'Called Jo',
          }),
        ),
      ).rejects.toMatchObject({ code: 'BANK_VERIFIER_SAME_PERSON', kind: 'forbidden' });
    });

    it('puts details in force when a second person records the call-back to a contact on file', async () => {
      const [pending] = await as('usr_clerk', (tx) => platform.suppliers.bankDetailsHistory(tx, supplierId));
      await as('usr_controller', (tx) =>
        platform.suppliers.recordBankDetailsVerification(tx, supplierId, {
          bankDetailsId: pending!.id,
          contactId: contactOnFile,
          outcome: 'confirmed',
          note: 'Called Jo Finance on the number on file; confirmed',
        }),
      );
      expect(
        await as('usr_clerk', (tx) => platform.suppliers.verifiedBankDetails(tx, supplierId)),
      ).toMatchObject({
        sortCode: '123456',
        accountNumber: '12345678',
        verifiedBy: 'usr_controller',
      });
    });

    it('keeps the old details in force while a change is pending, and refuses call-backs to contacts added after it or by its author', async () => {
      const newContact = await as('usr_fraudster', (tx) =>
        platform.suppliers.addContact(tx, supplierId, {
          name: 'New accounts team',
          telephone: '07700 900000',
        }),
      );
      const change = await as('usr_fraudster', (tx) =>
        platform.suppliers.requestBankDetailsChange(tx, supplierId, {
          sortCode: '65-43-21',
          accountNumber: '87654321',
          accountName: 'Example Surgical',
          source: 'email from accounts team',
        }),
      );
      expect(
        await as('usr_clerk', (tx) => platform.suppliers.verifiedBankDetails(tx, supplierId)),
      ).toMatchObject({
        accountNumber: '12345678',
      });
      await expect(
        as('usr_clerk', (tx) =>
          platform.suppliers.requestBankDetailsChange(tx, supplierId, {
            sortCode: '11-11-11',
            accountNumber: '11111111',
            accountName: 'X',
            source: 'letter',
          }),
        ),
      ).rejects.toMatchObject({ code: 'BANK_CHANGE_PENDING' });
      const lateContact = await as('usr_fraudster', (tx) =>
        platform.suppliers.addContact(tx, supplierId, { name: 'Also new', telephone: '07700 900001' }),
      );
      for (const contactId of [lateContact.id, newContact.id]) {
        await expect(
          as('usr_clerk', (tx) =>
            platform.suppliers.recordBankDetailsVerification(tx, supplierId, {
              bankDetailsId: change.id,
              contactId,
              outcome: 'confirmed',
              note: 'Called',
            }),
          ),
        ).rejects.toMatchObject({
          code: 'BANK_VERIFICATION_CONTACT_INVALID',
          issues: [{ rule: 'call-back-contact-on-file' }],
        });
      }
      await as('usr_clerk', (tx) =>
        platform.suppliers.recordBankDetailsVerification(tx, supplierId, {
          bankDetailsId: change.id,
          contactId: contactOnFile,
          outcome: 'confirmed',
          note: 'Called Jo Finance on the number on file: the change is genuine',
        }),
      );
      expect(
        await as('usr_clerk', (tx) => platform.suppliers.verifiedBankDetails(tx, supplierId)),
      ).toMatchObject({
        accountNumber: '87654321',
      });
    });

    it('leaves the details in force when the call-back rejects a change, and needs a reason', async () => {
      const change = await as('usr_clerk', (tx) =>
        platform.suppliers.requestBankDetailsChange(tx, supplierId, {
          sortCode: '22-22-22',
          accountNumber: '22222222',
          accountName: 'Not the supplier',
          source: 'phone call',
        }),
      );
      await expect(
        as('usr_controller', (tx) =>
          platform.suppliers.recordBankDetailsVerification(tx, supplierId, {
            bankDetailsId: change.id,
            contactId: contactOnFile,
            outcome: 'rejected',
            note: '',
          }),
        ),
      ).rejects.toMatchObject({ issues: [{ rule: 'rejection-reason-required' }] });
      const rejected = await as('usr_controller', (tx) =>
        platform.suppliers.recordBankDetailsVerification(tx, supplierId, {
          bankDetailsId: change.id,
          contactId: contactOnFile,
          outcome: 'rejected',
          note: 'Jo Finance knows nothing of this change',
        }),
      );
      expect(rejected).toMatchObject({ status: 'rejected', rejectedBy: 'usr_controller' });
      expect(
        await as('usr_clerk', (tx) => platform.suppliers.verifiedBankDetails(tx, supplierId)),
      ).toMatchObject({
        accountNumber: '87654321',
      });
    });

    it('is enforced by the database too: a change verified by its own author is refused', async () => {
      const change = await as('usr_clerk', (tx) =>
        platform.suppliers.requestBankDetailsChange(tx, supplierId, {
          sortCode: '33-33-33',
          accountNumber: '33333333',
          accountName: 'Example Surgical Ltd',
          source: 'letter',
        }),
      );
      await expect(
        as('usr_clerk', (tx) =>
          tx.query(
            `update suppliers.bank_details set status = 'verified', verified_by = 'usr_clerk', verified_at = now(),
               verification_contact_id = $2 where id = $1`,
            [change.id, contactOnFile],
          ),
        ),
      ).rejects.toThrow(/bank_details_second_person_check/);
      await expect(
        as('usr_clerk', (tx) =>
          tx.query(`update suppliers.bank_details set account_number = '44444444' where id = $1`, [
            change.id,
          ]),
        ),
      ).rejects.toThrow(/never rewritten/);
    });

    it('audits every change, with the account number masked', async () => {
      const entries = await as(
        'usr_clerk',
        async (tx) =>
          (
            await tx.query<{ action: string; payload: string }>(
              `select action, payload from kernel.audit_entry where action like 'suppliers.bank-details.%' order by seq`,
            )
          ).rows,
      );
      expect(entries.map((entry) => entry.action)).toEqual([
        'suppliers.bank-details.entered',
        'suppliers.bank-details.verified',
        'suppliers.bank-details.entered',
        'suppliers.bank-details.verified',
        'suppliers.bank-details.entered',
        'suppliers.bank-details.rejected',
        'suppliers.bank-details.entered',
      ]);
      expect(entries.map((entry) => entry.payload).join('\n')).not.toContain('87654321');
    });
  });
});
