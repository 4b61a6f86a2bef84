import { XMLParser } from 'fast-xml-parser';
import { type Pence, pence } from '../../kernel/money';
import type { Standard18Input } from '../bacs18';
import { bacsHashCode, rtiRandomString } from './bacs-hash';
import type { FpsEmployee, FpsInput, FpsNiLine } from './types';

const p = (value: bigint): Pence => pence(value);

export const niLineA: FpsNiLine = {
  letter: 'A',
  grossEarningsInPeriod: p(250_000n),
  grossEarningsYtd: p(1_750_000n),
  atLelYtd: p(379_200n),
  lelToPtYtd: p(354_200n),
  ptToUelYtd: p(1_016_600n),
  employerNicInPeriod: p(30_000n),
  employerNicYtd: p(210_000n),
  employeeNicInPeriod: p(12_000n),
  employeeNicYtd: p(84_000n),
};

/** Three NHS staff paid monthly in November 2026 (month 8), two by Bacs with RTI hashes, plus a starter. */
export function samplePeople(): (FpsEmployee & {
  bank?: { sortCode: string; accountNumber: string; accountName: string };
})[] {
  return [
    {
      nino: 'AB123456C',
      name: { title: 'Dr', forenames: ['Zoë', 'Anne-Marie'], surname: "O'Brien-Smith" },
      address: { lines: ['Flat 2, 10 Queen’s Road', 'Norwich & District'], postcode: 'nr4 7uy' },
      birthDate: '1985-02-14',
      gender: 'F',
      bank: { sortCode: '200000', accountNumber: '55779911', accountName: "Zoë O'Brien-Smith" },
      employments: [
        {
          payrollId: 'NNUH-000123',
          figuresToDate: {
            taxablePay: p(1_750_000n),
            totalTax: p(180_000n),
            studentLoans: p(42_000n),
            employeePensionContributionsPaid: p(160_000n),
          },
          payment: {
            frequency: 'M1',
            paymentDate: '2026-11-26',
            period: { month: 8 },
            periodsCovered: 1,
            hoursWorked: 'D',
            taxCode: 'S1257L',
            week1Month1: false,
            taxablePay: p(250_000n),
            payAfterStatutoryDeductions: p(189_300n),
            employeePensionContributionsPaid: p(23_000n),
            studentLoanRecovered: { amount: p(6_000n), plan: '02' },
            taxDeductedOrRefunded: p(25_700n),
          },
          niLettersAndValues: [niLineA],
        },
      ],
    },
    {
      nino: 'CE654321A',
      name: { forenames: ['Rhys'], surname: 'Pryce' },
      gender: 'M',
      bank: { sortCode: '309634', accountNumber: '00123456', accountName: 'R Pryce' },
      employments: [
        {
          payrollId: 'NNUH-000456',
          leavingDate: '2026-11-30',
          figuresToDate: { taxablePay: p(2_400_000n), totalTax: p(-1_250n), postgraduateLoans: p(3_000n) },
          payment: {
            frequency: 'M1',
            paymentDate: '2026-11-26',
            period: { month: 8 },
            periodsCovered: 1,
            hoursWorked: 'C',
            taxCode: 'C0T M1',
            week1Month1: true,
            taxablePay: p(300_000n),
            payAfterStatutoryDeductions: p(250_075n),
            postgraduateLoanRecovered: p(1_000n),
            taxDeductedOrRefunded: p(-1_250n),
          },
          niLettersAndValues: [
            { ...niLineA, letter: 'M', employerNicInPeriod: p(0n), employerNicYtd: p(0n) },
          ],
        },
      ],
    },
    {
      name: { forenames: ['José'], initials: 'J', surname: 'Núñez' },
      address: { lines: ['12 Rua das Flores'], foreignCountry: 'Portugal' },
      birthDate: '1999-07-01',
      gender: 'M',
      employments: [
        {
          payrollId: 'NNUH-000789',
          irregularEmployment: true,
          starter: { startDate: '2026-11-02', declaration: 'A', studentLoan: true, postgraduateLoan: true },
          figuresToDate: { taxablePay: p(120_000n), totalTax: p(0n) },
          payment: {
            frequency: 'W1',
            paymentDate: '2026-11-27',
            period: { week: 34 },
            periodsCovered: 1,
            hoursWorked: 'A',
            taxCode: 'BR',
            week1Month1: false,
            taxablePay: p(120_000n),
            taxDeductedOrRefunded: p(24_000n),
          },
          niLettersAndValues: [],
        },
      ],
    },
  ];
}

export const PROCESSING_DATE = '2026-11-25';

/** A repeatable byte source: the same sequence every run. */
export function fixedBytes(seed: number): (size: number) => Uint8Array {
  let state = seed;
  return (size) =>
    Uint8Array.from({ length: size }, () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % 256;
    });
}

/** The Standard 18 net-pay file and the FPS for the same run, linked by RTI random strings and hashes. */
export function samplePayRun(): { fps: FpsInput; bacs: Standard18Input } {
  const random = fixedBytes(42);
  const people = samplePeople();
  const payments: Standard18Input['payments'][number][] = [];
  const employees: FpsEmployee[] = people.map(({ bank, ...person }) => {
    const [job] = person.employments;
    if (!bank || !job) return person;
    const rtiString = rtiRandomString(random);
    const amount = job.payment.payAfterStatutoryDeductions ?? p(0n);
    payments.push({ ...bank, amount, reference: 'NNUH SALARY', rtiString });
    const hash = bacsHashCode({ ...bank, amount, processingDate: PROCESSING_DATE, rtiString });
    return { ...person, employments: [{ ...job, payment: { ...job.payment, bacsHashCode: hash } }] };
  });
  return {
    fps: {
      taxYear: '2026-27',
      employer: { officeNumber: '123', payeReference: 'AB456', accountsOfficeReference: '123PA00012345' },
      channel: { vendorId: '9999', product: 'Mainstay', version: '0.1.0' },
      timestamp: '2026-11-25T09:00:00',
      employees,
    },
    bacs: {
      form: 'DAILY',
      serviceUserNumber: '123456',
      originator: { sortCode: '401234', accountNumber: '12345678', name: 'NNUH NHS FT' },
      processingDate: PROCESSING_DATE,
      creationDate: '2026-11-23',
      submissionSerial: 'NOV026',
      fileNumber: 1,
      payments,
    },
  };
}

export type EmittedElement = {
  /** From /FullPaymentSubmission down, e.g. /FullPaymentSubmission/Employee/EmployeeDetails/NINO. */
  path: string;
  text?: string;
  attributes: Record<string, string>;
  childNames: string[];
  /** Index of the enclosing element in document order, to group siblings. */
  parent: number;
};

type OrderedNode = { [name: string]: OrderedNode[] | string | Record<string, string> };

/** Every element of a written FPS inside FullPaymentSubmission, read back by an independent XML parser. */
export function readFpsElements(xml: string): {
  elements: EmittedElement[];
  namespace: string;
  root: OrderedNode[];
} {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const root = parser.parse(xml) as OrderedNode[];
  const elements: EmittedElement[] = [];
  let namespace = '';
  const visit = (nodes: OrderedNode[], path: string, parent: number) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
      if (!name) continue;
      const attributes = Object.fromEntries(
        Object.entries((node[':@'] as Record<string, string> | undefined) ?? {}).map(([key, value]) => [
          key.slice(2),
          value,
        ]),
      );
      if (name === 'IRenvelope') namespace = attributes.xmlns ?? '';
      const children = node[name] as OrderedNode[];
      const textNode = children.find((child) => '#text' in child);
      const childNames = children.flatMap((child) =>
        Object.keys(child).filter((key) => key !== '#text' && key !== ':@'),
      );
      const inBody = path.startsWith('/FullPaymentSubmission') || name === 'FullPaymentSubmission';
      const here = inBody ? `${path}/${name}` : path;
      let index = parent;
      if (inBody) {
        index = elements.length;
        elements.push({
          path: here,
          attributes,
          childNames,
          parent,
          ...(textNode ? { text: String(textNode['#text']) } : {}),
        });
      }
      visit(children, here, index);
    }
  };
  visit(root, '', -1);
  return { elements, namespace, root };
}
