import { describe, expect, it } from 'vitest';
import { pence } from '../../../../kernel/money';
import { gs1CheckDigit } from '../../../../standards/gs1';
import type { CatalogueItem } from './catalogue-item';
import { unifyCatalogue } from './catalogue-unification';
import { generateCatalogue } from './generator';
import { pairwisePrecisionRecall } from './pairwise-metrics';

const gtin13 = (body: string): string => body + gs1CheckDigit(body);
const gtin14 = (indicator: number, body: string): string =>
  `${indicator}${body}${gs1CheckDigit(`${indicator}${body}`)}`;

function line(id: string, fields: Partial<CatalogueItem>): CatalogueItem {
  return {
    id,
    organisation: id.slice(0, 3),
    supplierName: '',
    supplierItemCode: '',
    manufacturerName: '',
    manufacturerPartCode: '',
    gtin: '',
    description: '',
    unitOfMeasure: 'EACH',
    packSize: 1,
    pricePence: pence(10),
    ...fields,
  };
}

const catalogue: CatalogueItem[] = [
  // one 5 ml syringe, five ways
  line('RAA-1', {
    description: 'SYR 5ML LL PLASTIPAK BX100',
    manufacturerName: 'Becton Dickinson UK Ltd',
    gtin: gtin13('501234500001'),
    unitOfMeasure: 'BX',
    packSize: 100,
    pricePence: pence(900),
  }),
  line('RBB-1', {
    description: 'BD Plastipak Syringe Luer-Lock 5 ml (Box of 100)',
    manufacturerName: 'BECTON DICKINSON LIMITED',
    gtin: gtin14(1, '501234500001'),
    unitOfMeasure: 'BOX',
    packSize: 100,
    pricePence: pence(950),
  }),
  line('RCC-1', {
    description: 'syringe, luer lock, 5 ml, Plastipak',
    manufacturerName: 'Becton Dickinson',
    manufacturerPartCode: 'REF 302-149',
    pricePence: pence(9),
  }),
  line('RDD-1', {
    description: 'Plastipak 5ml luer lock syringe x100',
    manufacturerName: 'Becton Dickinson UK Ltd',
    manufacturerPartCode: '302149',
    unitOfMeasure: 'BX',
    packSize: 100,
    pricePence: pence(880),
  }),
  line('REE-1', {
    description: 'PLASTIPAK SYRINGE LUER LOCK 5 MLS',
    manufacturerName: 'Becton Dickinson UK Ltd',
    pricePence: pence(10),
  }),
  // the same again with words a small catalogue cannot weigh: worth a person's look, not a join
  line('REE-5', {
    description: 'Plastipak syringe luer lock 5 mls sterile single use',
    manufacturerName: 'Becton Dickinson UK Ltd',
    pricePence: pence(10),
  }),
  // its sibling: the same range in 10 ml, which must stay apart
  line('RAA-2', {
    description: 'SYR 10ML LL PLASTIPAK BX100',
    manufacturerName: 'Becton Dickinson UK Ltd',
    gtin: gtin13('501234500002'),
    unitOfMeasure: 'BX',
    packSize: 100,
    pricePence: pence(1100),
  }),
  line('RBB-2', {
    description: 'BD Plastipak Syringe Luer-Lock 10 ml (Box of 100)',
    manufacturerName: 'Becton Dickinson UK Ltd',
    unitOfMeasure: 'BOX',
    packSize: 100,
    pricePence: pence(1150),
  }),
  // and a luer slip 5 ml: one attribute different
  line('RCC-3', {
    description: 'syringe, luer slip, 5 ml, Plastipak',
    manufacturerName: 'Becton Dickinson',
    pricePence: pence(8),
  }),
  // a mistyped GTIN is reported, not trusted
  line('RDD-4', {
    description: 'nitrile exam glove pf medium',
    manufacturerName: 'Meditex Ltd',
    gtin: '5012345000099',
  }),
];

describe('unifyCatalogue on a small catalogue', () => {
  const result = unifyCatalogue(catalogue);
  const productOf = (id: string) => result.productOf[catalogue.findIndex((item) => item.id === id)];

  it('puts the five descriptions of one syringe together', () => {
    const five = ['RAA-1', 'RBB-1', 'RCC-1', 'RDD-1', 'REE-1'].map(productOf);
    expect(new Set(five).size).toBe(1);
  });

  it('keeps the 10 ml syringe and the luer slip syringe apart from the 5 ml luer lock', () => {
    expect(productOf('RAA-2')).toBe(productOf('RBB-2'));
    expect(productOf('RAA-2')).not.toBe(productOf('RAA-1'));
    expect(productOf('RCC-3')).not.toBe(productOf('RCC-1'));
  });

  it('gives every join a confidence and a reason', () => {
    const reasons = new Map(result.matches.map((match) => [match.itemIds.join(' '), match]));
    expect(reasons.get('RAA-1 RBB-1')).toMatchObject({ reason: 'gtin-pack-level', confidence: 0.97 });
    expect(reasons.get('RCC-1 RDD-1')).toMatchObject({ reason: 'manufacturer-part-code', confidence: 0.95 });
    expect(reasons.get('RCC-1 RDD-1')?.detail).toMatch(/same manufacturer part code 302149/);
    const described = result.matches.filter((match) => match.reason === 'description');
    expect(described.length).toBeGreaterThan(0);
    for (const match of result.matches) {
      expect(match.confidence).toBeGreaterThan(0);
      expect(match.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('queues a likely but uncertain match for review instead of joining it', () => {
    expect(productOf('REE-5')).not.toBe(productOf('REE-1'));
    const question = result.reviewQueue.find((item) => item.itemIds.includes('REE-5'));
    expect(question?.reason).toBe('description');
    expect(question?.confidence).toBeGreaterThanOrEqual(0.7);
    expect(question?.confidence).toBeLessThan(0.8);
  });

  it('reports a GTIN whose check digit is wrong', () => {
    expect(result.problems).toEqual([
      { itemId: 'RDD-4', field: 'gtin', message: expect.stringMatching(/check digit is wrong/) },
    ]);
  });
});

describe('unifyCatalogue on a generated five-organisation catalogue', () => {
  const generated = generateCatalogue({ items: 20_000, seed: 11 });
  const result = unifyCatalogue(generated.items);
  const score = pairwisePrecisionRecall(result.productOf, generated.productOf);

  it('reaches precision and recall of at least 0.95 against the ground truth', () => {
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('queues uncertain matches for review rather than joining them', () => {
    expect(result.reviewQueue.length).toBeGreaterThan(0);
    for (const question of result.reviewQueue) {
      const [a, b] = question.itemIds.map((id) => generated.items.findIndex((item) => item.id === id));
      expect(result.productOf[a ?? -1]).not.toBe(result.productOf[b ?? -1]);
      expect(question.confidence).toBeLessThan(0.8);
    }
  });

  it('gives the same grouping on every run', () => {
    expect(unifyCatalogue(generated.items).productOf).toEqual(result.productOf);
  });
});
