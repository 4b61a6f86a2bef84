import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../../kernel/errors';
import { compactKey } from './parse/text';
import { checkProfile, detectKind, detectProfile, parseProfile } from './profile';
import { fieldSpecs, SCHEMAS, SOURCE_KINDS, type SourceKind, type SourceSchema } from './schema';

const HMT_HEADERS = [
  'Department Family',
  'Entity',
  'Date',
  'Expense Type',
  'Expense Area',
  'Supplier',
  'Transaction Number',
  'Amount',
];

describe('detectProfile', () => {
  it.each([
    ['Expense Type ', 'expenseType', 'exact'],
    ['Expenses Area', 'expenseArea', 'synonym'],
    ['Entuty', 'entity', 'fuzzy'],
    ['amount', 'amount', 'exact'],
    ['Date Paid', 'date', 'synonym'],
    ['9AN - Level 9 Account Name', 'expenseType', 'synonym'],
    ['Transaction Reference', 'transactionNumber', 'synonym'],
    ['Transaction Number', 'transactionNumber', 'exact'],
    ['Supplier Name', 'supplier', 'synonym'],
    ['Supplier', 'supplier', 'exact'],
    ['Cost Centre Name', 'expenseArea', 'synonym'],
    ['Their Reference', 'theirReference', 'exact'],
    ['Financial Year', 'financialYear', 'exact'],
    ['Financial Period', 'financialPeriod', 'exact'],
    ['VAT Registration Number', 'vatRegistration', 'exact'],
    ['Companies House Number', 'companiesHouseNumber', 'exact'],
    ['Supplier Name (Payee)', 'supplier', 'partial'],
  ])('maps the spend header %j to %s (%s)', (header, field, match) => {
    const detection = detectProfile([header], 'spend');
    expect(detection.profile.columns).toEqual([
      expect.objectContaining({ header: header.trim(), field, match }),
    ]);
  });

  it('maps the HM Treasury columns with full confidence and nothing missing', () => {
    const detection = detectProfile(HMT_HEADERS, 'spend');
    expect(detection.usable).toBe(true);
    expect(detection.profile.columns.map((column) => column.confidence)).toEqual(HMT_HEADERS.map(() => 1));
    expect(detection).toMatchObject({
      unmapped: [],
      missingRequired: [],
      missingExpected: [],
      needsReview: [],
    });
  });

  it('gives each header and each field to one match only, best first', () => {
    const detection = detectProfile(
      ['Supplier VAT Number', 'Supplier', 'Amount', 'VAT Amount', 'Date'],
      'spend',
    );
    expect(detection.profile.columns.map((column) => [column.header, column.field])).toEqual([
      ['Supplier VAT Number', 'vatRegistration'],
      ['Supplier', 'supplier'],
      ['Amount', 'amount'],
      ['Date', 'date'],
    ]);
    expect(detection.unmapped).toEqual(['VAT Amount']);
    expect(detection.profile.ignoredHeaders).toEqual(['VAT Amount']);
  });

  it('asks for review of a partial match and of two headers that match equally well', () => {
    const detection = detectProfile(
      ['Payment Date', 'Transaction Date', 'Supplier Name (Payee)', 'Amount'],
      'spend',
    );
    expect(detection.needsReview).toEqual([
      expect.objectContaining({
        header: 'Payment Date',
        field: 'date',
        reason: expect.stringContaining('Transaction Date'),
      }),
      expect.objectContaining({ header: 'Supplier Name (Payee)', field: 'supplier' }),
    ]);
  });

  it('names a missing required column and every name that was tried', () => {
    const detection = detectProfile(['Date', 'Supplier', 'Sum'], 'spend');
    expect(detection.usable).toBe(false);
    expect(detection.missingRequired).toEqual([
      expect.objectContaining({
        field: 'amount',
        label: 'Amount',
        tried: expect.arrayContaining(['Amount', 'Amount (£)', 'Net Amount', 'Amount Paid']),
      }),
    ]);
  });

  it('accepts stand-in columns for a required field (GL debit and credit for amount)', () => {
    const detection = detectProfile(['Account Code', 'Period', 'Debit', 'Credit'], 'gl');
    expect(detection.usable).toBe(true);
    const withoutCredit = detectProfile(['Account Code', 'Period', 'Debit'], 'gl');
    expect(withoutCredit.missingRequired).toEqual([
      expect.objectContaining({ field: 'amount', alternatives: [['Debit', 'Credit']] }),
    ]);
  });

  it('treats a snapshot date as something the file may lack if the caller gives it', () => {
    const detection = detectProfile(['Employee Number', 'Staff Group', 'FTE'], 'staff-in-post');
    expect(detection.usable).toBe(true);
    expect(detection.missingRequired).toEqual([
      expect.objectContaining({ field: 'snapshotDate', datasetValue: true }),
    ]);
  });
});

describe('saved profiles', () => {
  const saved = detectProfile(HMT_HEADERS, 'spend').profile;

  it('survive a JSON round trip unchanged', () => {
    expect(parseProfile(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
  });

  it('match a file with the same headers in another order', () => {
    expect(checkProfile(saved, [...HMT_HEADERS].reverse())).toEqual({
      matches: true,
      missingHeaders: [],
      newHeaders: [],
      missingRequired: [],
    });
  });

  it('report exactly what no longer matches when the headers change', () => {
    const changed = [
      'Department Family',
      'Entity',
      'Date Paid',
      'Expense Type',
      'Expense Area',
      'Supplier',
      'Transaction Number',
      'Amount',
      'Cost Centre',
    ];
    const check = checkProfile(saved, changed);
    expect(check.matches).toBe(false);
    expect(check.missingHeaders).toEqual([{ header: 'Date', field: 'date', label: 'Date', required: true }]);
    expect(check.newHeaders).toEqual(['Date Paid', 'Cost Centre']);
    expect(check.missingRequired.map((missing) => missing.field)).toEqual(['date']);
  });

  it.each([
    [{ version: 2 }, 'version'],
    [{ ...saved, kind: 'payroll' }, 'kind'],
    [
      { ...saved, columns: [{ header: 'X', field: 'nonsense', confidence: 1, match: 'manual' }] },
      'columns[0].field',
    ],
    [{ ...saved, columns: [...saved.columns, { ...saved.columns[0] }] }, 'columns[8].field'],
  ])('refuse a malformed saved profile, naming where (%#)', (input, path) => {
    try {
      parseProfile(input);
      expect.unreachable('the profile should have been refused');
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('ingest-invalid-profile');
      expect(isDomainError(error) && error.issues.map((issue) => issue.path)).toContain(path);
    }
  });
});

describe('detectKind', () => {
  it.each(SOURCE_KINDS)('recognises a %s extract from its canonical headers', (kind: SourceKind) => {
    const headers = fieldSpecs(SCHEMAS[kind]).map(([, spec]) => spec.label);
    expect(detectKind(headers)[0]?.kind).toBe(kind);
  });
});

describe('schemas', () => {
  it.each(SOURCE_KINDS)('%s: every name a header can match belongs to one field only', (kind) => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const [field, spec] of fieldSpecs(SCHEMAS[kind])) {
      for (const name of [spec.label, ...spec.synonyms]) {
        const owner = owners.get(compactKey(name));
        if (owner && owner !== field) clashes.push(`${name}: ${owner} and ${field}`);
        owners.set(compactKey(name), field);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each(SOURCE_KINDS)('%s: every field the schema refers to exists', (kind) => {
    const schema: SourceSchema = SCHEMAS[kind];
    const fields = new Set(Object.keys(schema.fields));
    const alternatives = schema.alternatives ?? {};
    const referenced = [
      schema.timeField,
      schema.amountField,
      schema.nameField,
      schema.datasetDateField,
      ...(schema.duplicateKey ?? []),
      ...Object.keys(alternatives),
      ...Object.values(alternatives).flat(2),
    ].filter((field) => field !== undefined);
    expect(referenced.filter((field) => !fields.has(field))).toEqual([]);
  });
});
