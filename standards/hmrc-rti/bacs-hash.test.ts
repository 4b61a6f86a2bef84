import { describe, expect, it } from 'vitest';
import { pence } from '../../kernel/money';
import { parseStandard18, writeStandard18 } from '../bacs18';
import { bacsHashCanonicalString, bacsHashCode, bacsHashCodeForRecord, rtiRandomString } from './bacs-hash';
import { writeFullPaymentSubmission } from './fps-writer';
import { fixedBytes, PROCESSING_DATE, readFpsElements, samplePayRun } from './test-pay-run.test-support';

const payment = {
  sortCode: '200000',
  accountNumber: '55779911',
  amount: pence(189_300n),
  accountName: "Zoë O'Brien-Smith",
  processingDate: '2026-11-25',
  rtiString: '/A7Q',
};

describe('the RTI random string', () => {
  it('is "/" and three characters A-Z 0-9, repeatable from injected bytes', () => {
    expect(rtiRandomString(fixedBytes(1))).toMatch(/^\/[A-Z0-9]{3}$/);
    expect(rtiRandomString(fixedBytes(1))).toBe(rtiRandomString(fixedBytes(1)));
    expect(rtiRandomString()).toMatch(/^\/[A-Z0-9]{3}$/);
  });

  it('discards bytes of 252 and above so every character is equally likely', () => {
    const bytes = [255, 252, 0, 253, 35, 36];
    expect(rtiRandomString(() => Uint8Array.from(bytes))).toBe('/A9A');
  });
});

describe('the Bacs hash code', () => {
  it('hashes the documented canonical string of the Standard 18 fields', () => {
    expect(bacsHashCanonicalString(payment)).toBe(
      '200000|55779911|00000189300|ZOE OBRIEN-SMITH  | 26329|/A7Q',
    );
    expect(bacsHashCode(payment)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['sortCode', { sortCode: '20000' }],
    ['accountNumber', { accountNumber: '5577991' }],
    ['amount', { amount: pence(0n) }],
    ['rtiString', { rtiString: 'A7Q' }],
    ['accountName', { accountName: '—' }],
  ])('refuses a payment with a bad %s', (field, change) => {
    expect(() => bacsHashCode({ ...payment, ...change })).toThrow(new RegExp(`^${field}`));
  });

  it('changes when any hashed field changes', () => {
    const base = bacsHashCode(payment);
    for (const change of [
      { amount: pence(189_301n) },
      { accountNumber: '55779912' },
      { rtiString: '/A7R' },
      { processingDate: '2026-11-26' },
      { accountName: 'Z Smith' },
    ]) {
      expect(bacsHashCode({ ...payment, ...change })).not.toBe(base);
    }
  });
});

describe('FPS and Standard 18 file for the same pay run', () => {
  const { fps, bacs } = samplePayRun();
  const xml = writeFullPaymentSubmission(fps);
  const file = parseStandard18(writeStandard18(bacs).text);
  const { elements } = readFpsElements(xml);
  const payIds = elements.filter((element) => element.path.endsWith('/PayId')).map((element) => element.text);
  const employments = elements.filter((element) => element.path.endsWith('/Employment'));
  const hashes = employments.map((employment) => {
    const index = elements.indexOf(employment);
    const payment = elements.find(
      (element, i) => i > index && element.parent === index && element.path.endsWith('/Payment'),
    );
    const paymentIndex = payment ? elements.indexOf(payment) : -1;
    return elements.find(
      (element) => element.parent === paymentIndex && element.path.endsWith('/BacsHashCode'),
    )?.text;
  });

  it('gives every Bacs-paid employee a 64-character lower-case hex BacsHashCode', () => {
    expect(payIds).toEqual(['NNUH-000123', 'NNUH-000456', 'NNUH-000789']);
    expect(hashes.slice(0, 2)).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    expect(hashes[2]).toBeUndefined();
    expect(file.payments).toHaveLength(2);
  });

  it('matches each FPS hash to exactly the Standard 18 record of the same payment', () => {
    expect(file.processingDate).toBe(PROCESSING_DATE);
    const recomputed = file.payments.map((record) => bacsHashCodeForRecord(record));
    expect(recomputed).toEqual(hashes.slice(0, 2));
    const netPay = fps.employees
      .slice(0, 2)
      .map((person) => person.employments[0]?.payment.payAfterStatutoryDeductions);
    expect(file.payments.map((record) => record.amount)).toEqual(netPay);
  });

  it('no longer matches when the Bacs record is altered', () => {
    const [record] = file.payments;
    if (!record) throw new Error('no record');
    expect(bacsHashCodeForRecord({ ...record, amount: pence(record.amount + 1n) })).not.toBe(hashes[0]);
    expect(bacsHashCodeForRecord({ ...record, rtiString: undefined })).toBeUndefined();
  });
});
