import type { Platform } from '../../../apps/platform/platform';
import type { TenantContext } from '../../../kernel/tenancy';
import type { NewEmployee } from '../domain/employee-input';

/** Test support: an organisation set up to pay staff, and starters that differ only where a test says. */
export const EMPLOYER = {
  payeOfficeNumber: '120',
  payeReference: 'TA12345',
  accountsOfficeReference: '120PA00012345',
  bacsServiceUserNumber: '123456',
  bankSortCode: '600001',
  bankAccountNumber: '12345678',
  bankAccountName: 'Test Acute Trust Payroll',
  pensionFunding: 'central-funding' as const,
};

export const actor = (organisationId: string, userId: string): TenantContext => ({
  organisationId,
  actor: { kind: 'user', id: userId },
});

let counter = 0;

export function starter(
  overrides: Partial<Omit<NewEmployee, 'contract'>> & { contract?: Partial<NewEmployee['contract']> } = {},
): NewEmployee {
  counter += 1;
  const { contract, ...rest } = overrides;
  return {
    payrollNumber: `T${String(counter).padStart(5, '0')}`,
    person: {
      title: 'Ms',
      forenames: 'Test',
      surname: `Person ${counter}`,
      niNumber: `AB${String(100000 + counter).slice(-6)}C`,
      dateOfBirth: '1990-05-17',
      gender: 'F',
      address: { lines: ['1 Hospital Road', 'Northshire'], postcode: 'NE1 4LP' },
    },
    payFrequency: 'monthly',
    startDate: '2025-01-01',
    starter: { basis: 'A' },
    contract: {
      band: '5',
      payPoint: 2,
      pointSince: '2025-01-01',
      contractedCentihours: 3750,
      costCentreCode: 'WARD1',
      ...contract,
    },
    tax: { taxCode: '1257L', week1Month1: false },
    niLetter: 'A',
    pensionMember: true,
    studentLoanPlans: [],
    postgraduateLoan: false,
    ...rest,
  };
}

/** Registers a starter with verified bank details (entered by the officer, verified by the checker). */
export async function payableEmployee(
  platform: Platform,
  organisationId: string,
  people: { officer: string; checker: string },
  input: NewEmployee = starter(),
): Promise<string> {
  const employee = await platform.runner.withTenant(actor(organisationId, people.officer), (tx) =>
    platform.payroll.registerEmployee(tx, input),
  );
  const details = await platform.runner.withTenant(actor(organisationId, people.officer), (tx) =>
    platform.payroll.enterBankDetails(tx, employee.id, {
      sortCode: '20-00-00',
      accountNumber: String(10_000_000 + counter),
      accountName: `${input.person.forenames} ${input.person.surname}`,
    }),
  );
  await platform.runner.withTenant(actor(organisationId, people.checker), (tx) =>
    platform.payroll.decideBankDetails(tx, details.id, { approve: true }),
  );
  return employee.id;
}

export async function setUpEmployer(
  platform: Platform,
  organisationId: string,
  officer: string,
): Promise<void> {
  await platform.runner.withTenant(actor(organisationId, officer), (tx) =>
    platform.payroll.saveEmployer(tx, EMPLOYER),
  );
}
