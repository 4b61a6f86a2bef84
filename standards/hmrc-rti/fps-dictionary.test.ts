import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parsePounds } from '../../kernel/money';
import { fixturePath } from '../../testing/fixtures';
import rulesCopy from './fps-2014-15-rules.json';
import baseTypes from './fps-2014-15-types.json';
import changes from './fps-current-year-changes.json';
import { writeFullPaymentSubmission } from './fps-writer';
import { type EmittedElement, readFpsElements, samplePayRun } from './test-pay-run.test-support';

type DictionaryRow = Record<string, string>;
const dictionary: DictionaryRow[] = parse(
  readFileSync(fixturePath('bacs-standard18-rti-fps', 'rti-fps-2014-15-data-dictionary.csv'), 'utf8'),
  { columns: true, skip_empty_lines: true },
);
const byPath = new Map(dictionary.map((row) => [row.path ?? '', row]));
const removed = new Set(changes.removed.map((entry) => entry.path));
const added = new Map(changes.added.map((entry) => [entry.path, entry]));
const changed = new Map(changes.changed.map((entry) => [entry.path, entry]));
const types = baseTypes.types as Record<
  string,
  {
    patterns?: string[];
    length?: number;
    max_length?: number;
    min_length?: number;
    min_inclusive?: string;
    enumeration?: string[];
  }
>;
const enumerations = baseTypes.enumerations as Record<string, string[]>;

/** HMRC's general NINO rule (HMRC NIM39110): two prefix letters (not D F I Q U V; second not O; not BG GB NK KN TN NT ZZ), six digits, suffix A-D. */
const NINO = /^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;
const anchored = (pattern: string) => new RegExp(`^(?:${pattern})$`, 'u');
const DICTIONARY_YEAR_START = 2013;

function ruleFor(path: string): DictionaryRow {
  const addedRule = added.get(path);
  if (addedRule)
    return {
      ...Object.fromEntries(Object.entries(addedRule).map(([key, value]) => [key, String(value)])),
      cardinality: '0..1',
    };
  const row = byPath.get(path);
  if (!row || removed.has(path))
    throw new Error(`${path} is neither in the 2014-15 dictionary nor a documented later addition`);
  const change = changed.get(path);
  return change && 'pattern' in change && change.pattern ? { ...row, pattern: change.pattern } : row;
}

/** What is wrong with one emitted leaf against its dictionary row, its XSD base type and the tax year. */
function violations(element: EmittedElement, startYear: number): string[] {
  const row = ruleFor(element.path);
  const value = element.text ?? '';
  const base = types[row.base_type ?? ''] ?? {};
  const found: string[] = [];
  for (const pattern of [...(base.patterns ?? []), ...(row.pattern ? [row.pattern] : [])]) {
    if (!anchored(pattern).test(value)) found.push(`pattern ${pattern}`);
  }
  const length = row.length || base.length;
  if (length && value.length !== Number(length)) found.push(`length ${length}`);
  const maxLength = row.max_length || base.max_length;
  if (maxLength && value.length > Number(maxLength)) found.push(`max length ${maxLength}`);
  const minLength = row.min_length || base.min_length;
  if (minLength && value.length < Number(minLength)) found.push(`min length ${minLength}`);
  const change = changed.get(element.path);
  const allowed =
    (change && 'enumeration' in change ? change.enumeration : undefined) ??
    enumerations[element.path] ??
    base.enumeration;
  if (allowed && !allowed.includes(value)) found.push(`one of ${allowed}`);
  const min = row.min_inclusive || base.min_inclusive;
  const max = row.max_inclusive;
  if (row.base_type?.endsWith('DateType') && min && max) {
    const shift = (date: string) =>
      `${Number(date.slice(0, 4)) + startYear - DICTIONARY_YEAR_START}${date.slice(4)}`;
    if (value < shift(min) || value > shift(max)) found.push(`within ${shift(min)}..${shift(max)}`);
  } else if (row.base_type?.includes('Monetary')) {
    const pence = (text: string) => {
      const parsed = parsePounds(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.pence;
    };
    if (min && pence(value) < pence(min)) found.push(`>= ${min}`);
    if (max && pence(value) > pence(max)) found.push(`<= ${max}`);
  } else if (row.base_type === 'xsd:positiveInteger') {
    if (min && Number(value) < Number(min)) found.push(`>= ${min}`);
    if (max && Number(value) > Number(max)) found.push(`<= ${max}`);
  }
  if (element.path.endsWith('/NINO') && !NINO.test(value)) found.push('HMRC NINO rule');
  return found;
}

const { fps } = samplePayRun();
const xml = writeFullPaymentSubmission(fps);
const { elements, namespace } = readFpsElements(xml);
const leaves = elements.filter((element) => element.childNames.length === 0);

describe('the FPS we write conforms to the 2014-15 data dictionary (as amended for later years)', () => {
  it('keeps the repo copy of the dictionary identical to the fixture', () => {
    const keys = [
      'path',
      'cardinality',
      'hmrc_data_item',
      'base_type',
      'pattern',
      'length',
      'min_length',
      'max_length',
      'min_inclusive',
      'max_inclusive',
    ];
    const fromFixture = dictionary.map((row) =>
      Object.fromEntries(keys.filter((key) => row[key] !== '').map((key) => [key, row[key]])),
    );
    expect(rulesCopy.elements).toEqual(fromFixture);
  });

  it('lists only real dictionary elements as changed or removed', () => {
    for (const entry of [...changes.changed, ...changes.removed])
      expect(byPath.has(entry.path), entry.path).toBe(true);
    for (const entry of changes.added) expect(byPath.has(entry.path), entry.path).toBe(false);
  });

  it('uses the current-year namespace form and the year in RelatedTaxYear and PeriodEnd', () => {
    expect(namespace).toBe('http://www.govtalk.gov.uk/taxation/PAYE/RTI/FullPaymentSubmission/26-27/1');
    expect(xml).toContain('<RelatedTaxYear>26-27</RelatedTaxYear>');
    expect(xml).toContain('<PeriodEnd>2027-04-05</PeriodEnd>');
    expect(xml).toContain('<Class>HMRC-PAYE-RTI-FPS</Class>');
  });

  it.each(
    leaves.map(
      (element) => [element.path.replace('/FullPaymentSubmission/', ''), element.text, element] as const,
    ),
  )('%s = %j meets its pattern, length and range', (_path, _text, element) => {
    expect(violations(element, 2026)).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['/FullPaymentSubmission/Employee/EmployeeDetails/NINO', 'QQ123456C', 'HMRC NINO rule'],
    ['/FullPaymentSubmission/EmpRefs/AORef', '123PA0001234', 'length 13'],
    ['/FullPaymentSubmission/EmpRefs/PayeRef', ' AB456', 'pattern [^ ].*'],
    ['/FullPaymentSubmission/Employee/Employment/Payment/TaxCode', 'S1257L', 'pattern'],
    [
      '/FullPaymentSubmission/Employee/Employment/Payment/PmtDate',
      '2027-04-06',
      'within 2026-04-06..2027-04-05',
    ],
    ['/FullPaymentSubmission/Employee/Employment/Payment/StudentLoanRecovered', '12.34', 'pattern .*\\.00'],
    ['/FullPaymentSubmission/Employee/Employment/NIlettersAndValues/AtLELYTD', '10000.00', '<= 9999.00'],
    ['/FullPaymentSubmission/Employee/Employment/Payment/WeekNo', '55', 'pattern'],
  ])('the checker itself catches %s = %j', (path, text, expected) => {
    const found = violations({ path, text, attributes: {}, childNames: [], parent: -1 }, 2026);
    expect(found.join(' | ')).toContain(expected);
  });

  it('emits every element the payroll needs, including the patterned references', () => {
    const emitted = new Set(elements.map((element) => element.path.split('/').at(-1)));
    for (const name of [
      'OfficeNo',
      'PayeRef',
      'AORef',
      'RelatedTaxYear',
      'NINO',
      'Ttl',
      'Fore',
      'Initials',
      'Sur',
      'Line',
      'UKPostcode',
      'ForeignCountry',
      'BirthDate',
      'Gender',
      'Starter',
      'StartDate',
      'StartDec',
      'StudentLoan',
      'PostgradLoan',
      'PayId',
      'IrrEmp',
      'LeavingDate',
      'FiguresToDate',
      'BacsHashCode',
      'PayFreq',
      'PmtDate',
      'MonthNo',
      'WeekNo',
      'PeriodsCovered',
      'HoursWorked',
      'TaxCode',
      'TaxablePay',
      'PayAfterStatDedns',
      'EmpeePenContribnsPaid',
      'StudentLoanRecovered',
      'PostgradLoanRecovered',
      'TaxDeductedOrRefunded',
      'StudentLoansTD',
      'PostgradLoansTD',
      'EmpeePenContribnsPaidYTD',
      'NIletter',
      'GrossEarningsForNICsInPd',
      'GrossEarningsForNICsYTD',
      'AtLELYTD',
      'LELtoPTYTD',
      'PTtoUELYTD',
      'TotalEmpNICInPd',
      'TotalEmpNICYTD',
      'EmpeeContribnsInPd',
      'EmpeeContribnsYTD',
    ]) {
      expect(emitted.has(name), name).toBe(true);
    }
  });

  it('respects every cardinality, counting choices as one', () => {
    elements.forEach((element, index) => {
      if (element.childNames.length === 0) return;
      const counts = new Map<string, number>();
      for (const name of element.childNames) counts.set(name, (counts.get(name) ?? 0) + 1);
      const choiceMembers = baseTypes.choices.filter((choice) => choice.parent === element.path);
      for (const [name, count] of counts) {
        const [, max] = (ruleFor(`${element.path}/${name}`).cardinality ?? '0..1').split('..');
        if (max !== '∞')
          expect(count, `${element.path}/${name} (element ${index})`).toBeLessThanOrEqual(Number(max));
      }
      const children = [...byPath.values()].filter(
        (row) =>
          row.path?.startsWith(`${element.path}/`) &&
          row.path.split('/').length === element.path.split('/').length + 1 &&
          !removed.has(row.path),
      );
      for (const child of children) {
        const name = child.path?.split('/').at(-1) ?? '';
        const inChoice = choiceMembers.find((choice) => choice.elements.includes(name));
        if (inChoice) continue;
        if (child.cardinality?.startsWith('1'))
          expect(counts.has(name), `${element.path} needs ${name}`).toBe(true);
      }
      for (const choice of choiceMembers) {
        const present = choice.elements.filter((name) => counts.has(name));
        expect(present.length, `${element.path} choice ${choice.elements}`).toBeLessThanOrEqual(1);
        if (choice.required) expect(present.length).toBe(1);
      }
    });
  });

  it('pairs every in-period figure with its year-to-date figure', () => {
    const pairs: [string, string][] = [
      ['GrossEarningsForNICsInPd', 'GrossEarningsForNICsYTD'],
      ['TotalEmpNICInPd', 'TotalEmpNICYTD'],
      ['EmpeeContribnsInPd', 'EmpeeContribnsYTD'],
    ];
    for (const element of elements.filter((candidate) => candidate.path.endsWith('/NIlettersAndValues'))) {
      for (const [inPeriod, toDate] of pairs)
        expect(element.childNames.includes(inPeriod)).toBe(element.childNames.includes(toDate));
    }
    const paymentPairs: [string, string][] = [
      ['TaxablePay', 'TaxablePay'],
      ['TaxDeductedOrRefunded', 'TotalTax'],
      ['StudentLoanRecovered', 'StudentLoansTD'],
      ['PostgradLoanRecovered', 'PostgradLoansTD'],
      ['EmpeePenContribnsPaid', 'EmpeePenContribnsPaidYTD'],
    ];
    elements.forEach((employment, index) => {
      if (!employment.path.endsWith('/Employment')) return;
      const child = (name: string) =>
        elements.find(
          (element, i) => element.parent === index && element.path.endsWith(`/${name}`) && i > index,
        );
      const payment = child('Payment');
      const figures = child('FiguresToDate');
      for (const [inPeriod, toDate] of paymentPairs) {
        if (payment?.childNames.includes(inPeriod))
          expect(figures?.childNames, `${inPeriod} → ${toDate}`).toContain(toDate);
      }
    });
  });

  it('keeps YTD band figures within gross earnings for NICs to date', () => {
    const amount = (element: EmittedElement | undefined) => {
      const parsed = parsePounds(element?.text ?? '');
      return parsed.ok ? parsed.pence : Number.NaN;
    };
    elements.forEach((line, index) => {
      if (!line.path.endsWith('/NIlettersAndValues')) return;
      const field = (name: string) =>
        elements.find((element) => element.parent === index && element.path.endsWith(`/${name}`));
      const bands = ['AtLELYTD', 'LELtoPTYTD', 'PTtoUELYTD'].map((name) => amount(field(name)));
      const total = bands.reduce((sum: bigint, value) => sum + BigInt(value), 0n);
      expect(total <= BigInt(amount(field('GrossEarningsForNICsYTD')))).toBe(true);
    });
  });
});
