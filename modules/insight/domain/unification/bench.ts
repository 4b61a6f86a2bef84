import { unifyCatalogue } from './catalogue-unification';
import { generateCatalogue } from './generator';
import { pairwisePrecisionRecall } from './pairwise-metrics';

export type CatalogueUnificationBench = {
  catalogueUnificationSeconds: number;
  precision: number;
  recall: number;
};

/**
 * Generates a five-organisation catalogue of `items` lines (seeded, not
 * timed), unifies it (timed) and scores the grouping against the generator's
 * ground truth by pairwise precision and recall.
 */
export function benchCatalogueUnification(items: number): CatalogueUnificationBench {
  const catalogue = generateCatalogue({ items, seed: 20_260_601 });
  const started = performance.now();
  const result = unifyCatalogue(catalogue.items);
  const seconds = (performance.now() - started) / 1000;
  const score = pairwisePrecisionRecall(result.productOf, catalogue.productOf);
  return {
    catalogueUnificationSeconds: Math.round(seconds * 100) / 100,
    precision: Math.round(score.precision * 10_000) / 10_000,
    recall: Math.round(score.recall * 10_000) / 10_000,
  };
}
