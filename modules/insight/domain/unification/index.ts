export { benchCatalogueUnification, type CatalogueUnificationBench } from './bench';
export type { CatalogueItem } from './catalogue-item';
export {
  type CatalogueUnification,
  defaultUnificationSettings,
  type ItemMatch,
  type ItemMatchReason,
  type UnificationSettings,
  unifyCatalogue,
} from './catalogue-unification';
export { checkCompanyNumber, checkVatNumber, type IdentifierCheck } from './company-identifiers';
export { type CatalogueGeneratorOptions, type GeneratedCatalogue, generateCatalogue } from './generator';
export { type ReadDescription, readDescription, rewriteWords } from './item-description';
export { type GtinReading, normalisePartCode, readGtin } from './item-identifiers';
export {
  collapseInitials,
  type NameSimilarity,
  organisationNameSimilarity,
  withinOneEdit,
} from './name-similarity';
export { type NormalisedOrganisationName, normaliseOrganisationName } from './organisation-name';
export { type PairwiseScore, pairwisePrecisionRecall } from './pairwise-metrics';
export {
  defaultSupplierResolutionOptions,
  type ResolvedSupplier,
  resolveSuppliers,
  type SupplierMatch,
  type SupplierMatchReason,
  type SupplierRecord,
  type SupplierResolution,
  type SupplierResolutionOptions,
} from './supplier-resolution';
export { type SupplyVocabulary, supplyVocabulary, supplyVocabularyVersion } from './supply-vocabulary';
export { UnionFind } from './union-find';
