import { describe, expect, it } from 'vitest';
import { benchmarkValidation, typicalInvoices } from './bench';

describe('benchmarkValidation', () => {
  it('measures typical generated invoices and reports a rate per document', () => {
    const figures = benchmarkValidation(typicalInvoices(), { millisecondsPerDocument: 20 });
    expect(figures.documents.map((document) => document.name)).toEqual([
      'generated 5-line invoice',
      'generated 10-line invoice',
    ]);
    expect(figures.documents.every((document) => document.valid && document.documentsPerSecond > 0)).toBe(
      true,
    );
    expect(figures.documentsPerSecond).toBeGreaterThan(0);
    expect(figures.bestDocumentsPerSecond).toBeGreaterThanOrEqual(figures.documentsPerSecond);
  });
});
