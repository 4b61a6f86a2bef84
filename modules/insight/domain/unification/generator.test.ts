import { describe, expect, it } from 'vitest';
import { generateCatalogue } from './generator';

describe('generateCatalogue', () => {
  const catalogue = generateCatalogue({ items: 3000, seed: 5 });

  it('makes exactly the items asked for, from five organisations, with ground truth for each', () => {
    expect(catalogue.items).toHaveLength(3000);
    expect(catalogue.productOf).toHaveLength(3000);
    expect(new Set(catalogue.items.map((item) => item.organisation))).toEqual(
      new Set(['RAA', 'RBB', 'RCC', 'RDD', 'REE']),
    );
    expect(new Set(catalogue.items.map((item) => item.id)).size).toBe(3000);
  });

  it('is the same for the same seed and different for another', () => {
    expect(generateCatalogue({ items: 3000, seed: 5 }).items).toEqual(catalogue.items);
    expect(generateCatalogue({ items: 3000, seed: 6 }).items[0]).not.toEqual(catalogue.items[0]);
  });

  it('describes one product differently across organisations, often without a GTIN', () => {
    const first = catalogue.productOf[0];
    const lines = catalogue.items.filter((_, index) => catalogue.productOf[index] === first);
    expect(new Set(lines.map((item) => item.description)).size).toBe(lines.length);
    const withGtin = catalogue.items.filter((item) => item.gtin !== '').length;
    expect(withGtin / catalogue.items.length).toBeGreaterThan(0.3);
    expect(withGtin / catalogue.items.length).toBeLessThan(0.8);
  });
});
