import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../../testing/fixtures';
import { decodeText } from '../ingest/decode';
import { resolveSuppliers, type SupplierRecord } from './supplier-resolution';

/** Every supplier name in the real spend files, one record per payment line. */
function spendSupplierRecords(): SupplierRecord[] {
  const folder = fixturePath('spend');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.csv'))
    .sort()
    .flatMap((file) => {
      const rows: string[][] = parse(decodeText(readFileSync(`${folder}/${file}`)).text, {
        relax_column_count: true,
      });
      const column = (rows[0] ?? []).findIndex((header) => /^supplier( name)?$/i.test(header.trim()));
      return rows.slice(1).map((row, index) => ({
        id: `${file}:${index + 2}`,
        organisation: file.split('_')[0] ?? file,
        name: row[column] ?? '',
      }));
    });
}

describe('resolveSuppliers on the real spend files', () => {
  const records = spendSupplierRecords();
  const resolution = resolveSuppliers(records);
  const supplierOfName = (name: string): string | undefined => {
    const record = records.find((candidate) => candidate.name === name);
    return record && resolution.supplierOf.get(record.id);
  };

  it('resolves fewer suppliers than there are spellings, and every record to one', () => {
    const spellings = new Set(records.map((record) => record.name)).size;
    expect(records.length).toBeGreaterThan(1000);
    expect(resolution.suppliers.length).toBeLessThan(spellings - 50);
    expect(resolution.supplierOf.size).toBe(records.length);
  });

  it.each([
    ['Cerner Limited', 'CERNER LTD'],
    ['NHS BLOOD & TRANSPLANT', 'Nhs Blood Transplant'],
    ["Guy'S & St Thomas' Nhs Foundation Trust", 'GUYS&ST THOMAS NHS FOUNDATION TRUST'],
    ["St George'S University Hospitals Nhs Ft", 'ST GEORGES UNIVERSITY HOSPITALS NHS FOUNDATION TRUST'],
    ['247 TIME LTD     1-9400-92406', '247 Time Ltd'],
    ['Supply Chain Coordination Ltd (Sccl) ( 101)', 'SUPPLY CHAIN COORDINATION LIMITED'],
    ['Nhs Resolution C/O Nhs Litigation Authority', 'NHS Resolution'],
    ['Nhs Business Servic.Authority- Ea Code Ea4049', 'NHS BUSINESS SERVICES AUTHORITY'],
    ['Alliance Healthcare (Distribution ) Ltd', 'ALLIANCE HEALTHCARE LTD (UNICHEM)'],
    ['Janssen-Cilag Ltd', 'JANSSEN CILAG LTD'],
  ])('treats "%s" and "%s" as one supplier', (a, b) => {
    expect(supplierOfName(a)).toBeDefined();
    expect(supplierOfName(a)).toBe(supplierOfName(b));
  });

  it.each([
    ['NHS ENGLAND', 'NHS Resolution'],
    ["King'S College Hospital Nhs Foundation Trust", 'KINGSTON HOSPITAL NHS FOUNDATION TRUST'],
    ['Nhs Supply Chain', 'Nhs Supply Chain Capital (905)'],
    ['NHS SBS', 'Nhs Shared Business Services'],
    ['Alliance Healthcare (Distribution ) Ltd', 'Alliance Medical Limited'],
  ])('keeps "%s" and "%s" apart', (a, b) => {
    expect(supplierOfName(a)).toBeDefined();
    expect(supplierOfName(a)).not.toBe(supplierOfName(b));
  });

  it.each([
    { a: 'Nhs Supply Chain', b: 'Nhs Supply Chain Capital (905)', reason: 'similar-name' },
    { a: 'NHS SBS', b: 'Nhs Shared Business Services', reason: 'acronym' },
    { a: 'Bunzl - Materials Management Only', b: 'Bunzl Healthcare', reason: 'similar-name' },
  ])('queues "$a" / "$b" for review', ({ a, b, reason }) => {
    const item = resolution.reviewQueue.find((entry) => entry.names.includes(a) && entry.names.includes(b));
    expect(item?.reason).toBe(reason);
    expect(item?.confidence).toBeGreaterThanOrEqual(0.6);
    expect(item?.confidence).toBeLessThan(0.85);
  });

  it('says why each accepted link was made', () => {
    const link = resolution.matches.find((match) =>
      match.names.includes('Nhs Business Servic.Authority- Ea Code Ea4049'),
    );
    expect(link?.reason).toBe('similar-name');
    expect(link?.detail).toMatch(/names alike/);
  });
});

describe('resolveSuppliers with registration numbers', () => {
  const records: SupplierRecord[] = [
    { id: 'a1', organisation: 'RAA', name: 'Medisure Ltd', companyNumber: '1234567' },
    { id: 'b1', organisation: 'RBB', name: 'MSL Healthcare Supplies', companyNumber: '01234567' },
    {
      id: 'c1',
      organisation: 'RCC',
      name: 'Smiths Medical',
      companyNumber: '00111111',
      vatNumber: 'GB 999 9999 73',
    },
    { id: 'd1', organisation: 'RDD', name: 'Smiths Medical UK Ltd', companyNumber: '00222222' },
    { id: 'e1', organisation: 'REE', name: 'Smiths Med. International', vatNumber: '999999973' },
    { id: 'f1', organisation: 'RFF', name: 'Wound Care Direct', vatNumber: 'GB999999974' },
  ];
  const resolution = resolveSuppliers(records);
  const same = (a: string, b: string) => resolution.supplierOf.get(a) === resolution.supplierOf.get(b);

  it('joins records with the same Companies House number, whatever their names', () => {
    expect(same('a1', 'b1')).toBe(true);
    expect(resolution.matches.find((match) => match.recordIds.includes('b1'))?.reason).toBe(
      'companies-house-number',
    );
  });

  it('joins on the VAT number', () => {
    expect(same('c1', 'e1')).toBe(true);
  });

  it('never joins different Companies House numbers, and asks a person instead', () => {
    expect(same('c1', 'd1')).toBe(false);
    expect(resolution.reviewQueue.find((item) => item.recordIds.includes('d1'))?.detail).toMatch(
      /Companies House numbers differ \(00111111 \/ 00222222\)/,
    );
  });

  it('reports identifiers it could not trust', () => {
    expect(resolution.identifierProblems).toEqual([
      { recordId: 'f1', field: 'vatNumber', reason: '"GB999999974" fails the VAT number check digits' },
    ]);
  });

  it('gives the same supplier ids on every run', () => {
    expect(resolveSuppliers(records).suppliers).toEqual(resolution.suppliers);
  });
});
