import { describe, expect, it } from 'vitest';
import { type DomainError, isDomainError } from '../../kernel/errors';
import { pence } from '../../kernel/money';
import { toRtiAddressLine, toRtiName, toRtiPostcode } from './charsets';
import { splitTaxCode } from './fps-builder';
import { writeFullPaymentSubmission } from './fps-writer';
import { parseTaxYear } from './tax-year';
import { readFpsElements, samplePayRun } from './test-pay-run.test-support';
import type { FpsEmployee, FpsEmployment, FpsInput, FpsPayment } from './types';

function refusal(input: FpsInput): DomainError {
  try {
    writeFullPaymentSubmission(input);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected the FPS to be refused');
}

type Change = {
  person?: Partial<FpsEmployee>;
  job?: Partial<FpsEmployment>;
  pay?: Partial<FpsPayment>;
  input?: Partial<FpsInput>;
};

/** The sample run with employee 0's details changed. */
function changed({ person, job, pay, input }: Change): FpsInput {
  const { fps } = samplePayRun();
  const [first, ...rest] = fps.employees;
  if (!first) throw new Error('sample has no employees');
  const [firstJob] = first.employments;
  if (!firstJob) throw new Error('sample has no employment');
  const newJob = { ...firstJob, ...job, payment: { ...firstJob.payment, ...pay } };
  return { ...fps, ...input, employees: [{ ...first, ...person, employments: [newJob] }, ...rest] };
}

const textOf = (xml: string, element: string): string[] =>
  readFpsElements(xml)
    .elements.filter((candidate) => candidate.path.endsWith(`/${element}`))
    .map((candidate) => candidate.text ?? '');

describe('writing the FPS', () => {
  it('writes money as pounds with two decimals from integer pence, refunds negative', () => {
    const xml = writeFullPaymentSubmission(samplePayRun().fps);
    expect(textOf(xml, 'TaxDeductedOrRefunded')).toEqual(['257.00', '-12.50', '240.00']);
    expect(textOf(xml, 'PayAfterStatDedns')).toEqual(['1893.00', '2500.75']);
    expect(textOf(xml, 'TotalEmpNICInPd')).toEqual(['300.00', '0.00']);
  });

  it.each([
    ['1257L', { code: '1257L', nonCumulative: false }],
    ['S1257L', { code: '1257L', regime: 'S', nonCumulative: false }],
    ['C1257L', { code: '1257L', regime: 'C', nonCumulative: false }],
    ['SK475', { code: 'K475', regime: 'S', nonCumulative: false }],
    ['SD2', { code: 'D2', regime: 'S', nonCumulative: false }],
    ['CBR', { code: 'BR', regime: 'C', nonCumulative: false }],
    ['c0t', { code: '0T', regime: 'C', nonCumulative: false }],
    ['1257L W1', { code: '1257L', nonCumulative: true }],
    ['S1257L M1', { code: '1257L', regime: 'S', nonCumulative: true }],
    ['1257LX', { code: '1257L', nonCumulative: true }],
    ['NT', { code: 'NT', nonCumulative: false }],
    ['BR', { code: 'BR', nonCumulative: false }],
  ])('tax code %s goes to the FPS as %j', (code, expected) => {
    expect(splitTaxCode(code)).toEqual(expected);
  });

  it('puts the regime and week 1 / month 1 basis in TaxCode attributes', () => {
    const xml = writeFullPaymentSubmission(samplePayRun().fps);
    const codes = readFpsElements(xml).elements.filter((element) => element.path.endsWith('/TaxCode'));
    expect(codes.map(({ text, attributes }) => ({ text, attributes }))).toEqual([
      { text: '1257L', attributes: { TaxRegime: 'S' } },
      { text: '0T', attributes: { BasisNonCumulative: 'yes', TaxRegime: 'C' } },
      { text: 'BR', attributes: {} },
    ]);
  });

  it('marks a payment after leaving between PeriodsCovered and HoursWorked, as the schema orders them', () => {
    const xml = writeFullPaymentSubmission(changed({ pay: { paymentAfterLeaving: true } }));
    expect(textOf(xml, 'PmtAfterLeaving')).toEqual(['yes']);
    const names = readFpsElements(xml).elements.map((element) => element.path.split('/').pop());
    const at = names.indexOf('PmtAfterLeaving');
    expect([names[at - 1], names[at + 1]]).toEqual(['PeriodsCovered', 'HoursWorked']);
    expect(textOf(writeFullPaymentSubmission(samplePayRun().fps), 'PmtAfterLeaving')).toEqual([]);
  });

  it.each([
    ['Zoë', 'Zoe'],
    ['Seán O’Connor', "Sean O'Connor"],
    ['St. John-Smythe', 'St John-Smythe'],
    ['  -Øyvind', 'Oyvind'],
    ['A'.repeat(40), 'A'.repeat(35)],
    ['李', ''],
  ])('fits the name %j to HMRC character set D as %j', (name, expected) => {
    expect(toRtiName(name)).toBe(expected);
  });

  it('fits addresses and postcodes, and escapes XML characters', () => {
    expect(toRtiAddressLine('#4 Smith & Sons <Works>')).toBe('4 Smith & Sons <Works>');
    expect(toRtiAddressLine('Flat 1 — Café £5')).toBe('Flat 1 Cafe 5');
    expect(toRtiPostcode('nr4  7uy')).toBe('NR4 7UY');
    const { fps } = samplePayRun();
    const input = changed({
      person: { address: { lines: ['Smith & Sons <Works>', 'Ward "A"'], postcode: 'NR4 7UY' } },
    });
    const xml = writeFullPaymentSubmission(input);
    expect(xml).toContain('<Line>Smith &amp; Sons &lt;Works&gt;</Line>');
    expect(textOf(xml, 'Line').slice(0, 2)).toEqual(['Smith & Sons <Works>', 'Ward "A"']);
    expect(fps.employees).toHaveLength(3);
  });

  it('writes the namespace of the tax year given', () => {
    expect(
      writeFullPaymentSubmission({
        ...changed({ pay: { paymentDate: '2025-11-26' } }),
        taxYear: '2025-26',
        employees: changed({ pay: { paymentDate: '2025-11-26' } }).employees.slice(0, 1),
      }),
    ).toContain('xmlns="http://www.govtalk.gov.uk/taxation/PAYE/RTI/FullPaymentSubmission/25-26/1"');
    expect(parseTaxYear('2026-27')).toMatchObject({
      short: '26-27',
      firstDay: '2026-04-06',
      lastDay: '2027-04-05',
    });
    expect(() => parseTaxYear('2026-28')).toThrow(/tax year/);
  });

  it.each<[string, Change, string, string]>([
    [
      'a NINO with a prefix HMRC never issues',
      { person: { nino: 'QQ123456C' } },
      'employees[0].nino',
      'NINO',
    ],
    ['a NINO with a lower-case letter', { person: { nino: 'ab123456c' } }, 'employees[0].nino', 'NINO'],
    [
      'a malformed Accounts Office reference',
      {
        input: {
          employer: { officeNumber: '123', payeReference: 'AB456', accountsOfficeReference: '123PA0001234' },
        },
      },
      'employer.accountsOfficeReference',
      'AORef',
    ],
    [
      'a PAYE reference starting with a space',
      {
        input: {
          employer: {
            officeNumber: '123',
            payeReference: ' AB456',
            accountsOfficeReference: '123PA00012345',
          },
        },
      },
      'employer.payeReference',
      'PayeRef',
    ],
    [
      'an office number of two digits',
      {
        input: {
          employer: { officeNumber: '12', payeReference: 'AB456', accountsOfficeReference: '123PA00012345' },
        },
      },
      'employer.officeNumber',
      'OfficeNo',
    ],
    [
      'an unknown tax code',
      { pay: { taxCode: 'X1257' } },
      'employees[0].employments[0].payment.taxCode',
      'TaxCode',
    ],
    [
      'a K code with no number',
      { pay: { taxCode: 'K' } },
      'employees[0].employments[0].payment.taxCode',
      'TaxCode',
    ],
    [
      'a payment date outside the tax year',
      { pay: { paymentDate: '2027-04-06' } },
      'employees[0].employments[0].payment.paymentDate',
      'PmtDate',
    ],
    [
      'an impossible payment date',
      { pay: { paymentDate: '2026-11-31' } },
      'employees[0].employments[0].payment.paymentDate',
      'PmtDate',
    ],
    [
      'a student loan in pence',
      { pay: { studentLoanRecovered: { amount: pence(6_050n), plan: '02' } } },
      'employees[0].employments[0].payment.studentLoanRecovered',
      'StudentLoanRecovered',
    ],
    [
      'a student loan above the field limit',
      { pay: { studentLoanRecovered: { amount: pence(10_000_000n), plan: '02' } } },
      'employees[0].employments[0].payment.studentLoanRecovered',
      'must be at most 99999.00',
    ],
    [
      'month 13',
      { pay: { period: { month: 13 } } },
      'employees[0].employments[0].payment.period.month',
      'MonthNo',
    ],
    [
      'a tax week for monthly pay',
      { pay: { period: { week: 34 } } },
      'employees[0].employments[0].payment.period',
      'tax month',
    ],
    [
      'no periods covered',
      { pay: { periodsCovered: 0 } },
      'employees[0].employments[0].payment.periodsCovered',
      'PeriodsCovered',
    ],
    [
      'a Bacs hash in capitals',
      { pay: { bacsHashCode: 'A'.repeat(64) } },
      'employees[0].employments[0].payment.bacsHashCode',
      'BacsHashCode',
    ],
    [
      'a surname with no usable letters',
      { person: { name: { forenames: ['Li'], surname: '李' } } },
      'employees[0].name.surname',
      'Sur',
    ],
    [
      'a payroll ID over 35 characters',
      { job: { payrollId: 'P'.repeat(36) } },
      'employees[0].employments[0].payrollId',
      'PayId',
    ],
    [
      'no NINO, address or birth date',
      { person: { nino: undefined, address: undefined } },
      'employees[0]',
      'needs an address',
    ],
    [
      'an in-period student loan with no year-to-date figure',
      { job: { figuresToDate: { taxablePay: pence(1n), totalTax: pence(1n) } } },
      'employees[0].employments[0].figuresToDate.studentLoans',
      'year-to-date',
    ],
    [
      'five NI letters',
      {
        job: {
          niLettersAndValues: Array.from(
            { length: 5 },
            () => samplePayRun().fps.employees[0]?.employments[0]?.niLettersAndValues[0],
          ).filter((line) => line !== undefined),
        },
      },
      'employees[0].employments[0]',
      'at most 4',
    ],
    [
      'an NI letter that does not exist',
      {
        job: {
          niLettersAndValues: [
            {
              ...(samplePayRun().fps.employees[0]?.employments[0]?.niLettersAndValues[0] ?? ({} as never)),
              letter: 'G',
            },
          ],
        },
      },
      'employees[0].employments[0].niLettersAndValues[0].letter',
      'NIletter',
    ],
    [
      'earnings bands above gross to date',
      {
        job: {
          niLettersAndValues: [
            {
              ...(samplePayRun().fps.employees[0]?.employments[0]?.niLettersAndValues[0] ?? ({} as never)),
              grossEarningsYtd: pence(100n),
            },
          ],
        },
      },
      'employees[0].employments[0].niLettersAndValues[0]',
      'exceed gross',
    ],
  ])('refuses %s, naming the employee and field', (_case, change, path, mentions) => {
    const error = refusal(changed(change));
    expect(error.code).toBe('hmrc-rti.invalid-fps');
    const issue = error.issues.find((candidate) => candidate.path === path);
    expect(issue, JSON.stringify(error.issues, null, 1)).toBeDefined();
    expect(issue?.message).toContain(mentions);
    if (path.startsWith('employees[0]') && !change.job?.payrollId)
      expect(issue?.message).toContain('payroll ID NNUH-000123');
  });
});
