/**
 * Normalises an organisation's name (a supplier or a manufacturer) to the
 * words that identify it: case, accents, punctuation, "&"/"and", "(The)",
 * legal forms (Ltd, Limited, PLC, LLP, GmbH…), "UK", and trailing branch,
 * account or trading details are all set aside.
 */
export type NormalisedOrganisationName = {
  /** The identifying words joined by single spaces; "" when nothing identifying is left. */
  key: string;
  tokens: readonly string[];
  /** The name after "T/A" (trading as), normalised the same way, when there is one. */
  tradingAs?: string;
};

/** Legal forms and filler that never tell two organisations apart. */
const legalForms = new Set([
  'ltd',
  'limited',
  'plc',
  'llp',
  'lp',
  'llc',
  'inc',
  'incorporated',
  'co',
  'company',
  'corp',
  'corporation',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'bv',
  'nv',
  'srl',
  'spa',
  'ab',
  'as',
  'oy',
  'pty',
  'trading',
  'uk',
  'gb',
  'the',
  'and',
  'of',
]);

/** Words that end a legal name: what follows is a branch, account or reference. */
const nameEnders = new Set(['ltd', 'limited', 'plc', 'llp', 'gmbh']);

/** Spellings that mean the same word in NHS and company names. */
const wordVariants: Readonly<Record<string, string>> = {
  hosp: 'hospital',
  hosps: 'hospital',
  hospitals: 'hospital',
  univ: 'university',
  uni: 'university',
  services: 'service',
  servs: 'service',
  svcs: 'service',
  intl: 'international',
  int: 'international',
  mgmt: 'management',
  tech: 'technology',
  technologies: 'technology',
  labs: 'laboratory',
  laboratories: 'laboratory',
  systems: 'system',
  products: 'product',
  solutions: 'solution',
  pharmaceuticals: 'pharmaceutical',
  pharma: 'pharmaceutical',
  hlth: 'health',
  med: 'medical',
  ft: 'trust',
  nhsft: 'nhs trust',
  foundation: '',
  st: 'saint',
};

function plainText(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\u00a0/g, ' ');
}

function identifyingTokens(text: string): string[] {
  const words = text
    .replace(/&/g, ' and ')
    .replace(/\bhealth care\b/g, 'healthcare')
    // initials written with dots ("u.k.", "b. braun") close up before punctuation goes
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1')
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const enderAt = words.findIndex((word, index) => index > 0 && nameEnders.has(word));
  const legalName = enderAt >= 0 ? words.slice(0, enderAt + 1) : words;
  return legalName
    .flatMap((word) => (wordVariants[word] ?? word).split(' '))
    .filter((word) => word !== '' && !legalForms.has(word));
}

/** Removes what follows the name proper: " - branch", "C/O …", "(ref 101)", "(The)". */
function withoutTrailingDetails(text: string): string {
  return text
    .replace(/\bc\/o\b.*$/, ' ')
    .replace(/\s+-\s+.*$|-\s+.*$/, ' ')
    .replace(/\([^)]*\)/g, ' ');
}

export function normaliseOrganisationName(name: string): NormalisedOrganisationName {
  const text = plainText(name);
  const [legalPart = '', tradingPart] = text.split(/\bt\s*\/\s*a\b|\btrading as\b/);
  const tokens = identifyingTokens(withoutTrailingDetails(legalPart));
  const trading = tradingPart === undefined ? [] : identifyingTokens(withoutTrailingDetails(tradingPart));
  // a name that is nothing but legal words ("The Company Ltd") keeps them rather than vanishing
  const kept = tokens.length > 0 ? tokens : text.split(/[^a-z0-9]+/).filter(Boolean);
  const normalised = { key: kept.join(' '), tokens: kept };
  return trading.length > 0 ? { ...normalised, tradingAs: trading.join(' ') } : normalised;
}
