import { describe, expect, it } from 'vitest';
import { ingestFile } from './ingest-file';
import { detectProfile } from './profile';

const HMT = 'Department Family,Entity,Date,Expense Type,Expense Area,Supplier,Transaction Number,Amount';
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);

describe('ingestFile reports bad input precisely, never as a half-read file', () => {
  it.each([
    [
      'an unreadable file',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]),
      'ingest-unreadable-file',
    ],
    [
      'an unknown encoding',
      Buffer.from([0xc1, 0x94, 0x96, 0xa4, 0x95, 0xa3, 0x6b, 0xc4, 0x81, 0xa3, 0x85, 0x25]),
      'ingest-unknown-encoding',
    ],
    ['an empty file', Buffer.alloc(0), 'ingest-empty-file'],
    [
      'a file missing a required column',
      csv('Date,Supplier', '30/04/2020,Acme'),
      'ingest-missing-required-column',
    ],
  ])('%s fails as a whole with its code', async (_name, bytes, code) => {
    const result = await ingestFile(bytes, { fileName: 'bad.csv', kind: 'spend' });
    expect(result).toMatchObject({ status: 'failed', fileName: 'bad.csv', error: { code } });
  });

  it('keeps the detection beside a missing-column failure so the user can fix the mapping', async () => {
    const result = await ingestFile(csv('Date,Supplier', '30/04/2020,Acme'), {
      fileName: 'bad.csv',
      kind: 'spend',
    });
    expect(
      result.status === 'failed' && result.detection?.missingRequired.map((missing) => missing.field),
    ).toEqual(['amount']);
    expect(result.status === 'failed' && result.error.issues[0]?.path).toBe('header');
  });

  it('reads a header-only file as zero rows with a warning', async () => {
    const result = await ingestFile(csv(HMT), { fileName: 'empty-month.csv', kind: 'spend' });
    expect(result).toMatchObject({
      status: 'read',
      summary: { rows: 0, imported: 0, rejected: 0, warnings: [{ rule: 'no-data-rows' }] },
    });
  });

  it('reads unparseable dates and amounts as rejections beside the good rows', async () => {
    const result = await ingestFile(
      csv(
        HMT,
        'DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T1,1.00',
        'DH,Trust,30-Febtember-2020,Drugs,Pharmacy,Acme,T2,1.00',
        'DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T3,1.0.0',
      ),
      { fileName: 'mixed.csv', kind: 'spend' },
    );
    expect(result.status === 'read' && result.summary).toMatchObject({
      rows: 3,
      imported: 1,
      rejected: 2,
      rejectionsByRule: { 'date-format': 1, 'amount-format': 1 },
    });
  });

  it('uses a saved profile and reports how the headers drifted', async () => {
    const profile = detectProfile([...HMT.split(','), 'Cost Centre'], 'spend').profile;
    const result = await ingestFile(csv(HMT, 'DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T1,1.00'), {
      fileName: 'april.csv',
      kind: 'spend',
      profile,
    });
    expect(result.status === 'read' && result.profileCheck).toMatchObject({ matches: true });
    const drifted = await ingestFile(
      csv(HMT.replace('Supplier', 'Payee'), 'DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T1,1.00'),
      {
        fileName: 'may.csv',
        kind: 'spend',
        profile,
      },
    );
    expect(drifted).toMatchObject({
      status: 'failed',
      error: { code: 'ingest-profile-mismatch' },
      profileCheck: {
        matches: false,
        missingHeaders: [{ header: 'Supplier', field: 'supplier' }],
        newHeaders: ['Payee'],
      },
    });
  });
});
