export { gs1CheckDigit } from './check-digit';
export {
  type Gs1KeyFault,
  type Gs1KeyProblem,
  type Gs1KeyType,
  type GtinCheck,
  type GtinFormat,
  type KeyCheck,
  parseGln,
  parseGtin,
  validateGln,
  validateGtin,
  validateSscc,
} from './keys';
export { type Gs1PrefixCategory, type Gs1PrefixInfo, lookupGs1Prefix, parseCatalogueGtin } from './prefix';
