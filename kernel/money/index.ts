export { allocate } from './allocate';
export { formatDecimalPounds, formatPounds } from './format';
export { type ParsedAmount, parsePounds } from './parse';
export { absPence, negatePence, type Pence, pence, penceToNumber, sumPence, ZERO_PENCE } from './pence';
export {
  applyBasisPoints,
  ceilDiv,
  divide,
  floorDiv,
  type RoundingRule,
  roundDown,
  roundHalfEven,
  roundHalfUp,
  roundTowardZero,
  roundUp,
} from './rounding';
