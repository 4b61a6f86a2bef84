import { checkCompanyNumber, checkVatNumber } from './company-identifiers';
import { organisationNameSimilarity } from './name-similarity';
import { normaliseOrganisationName } from './organisation-name';
import { UnionFind } from './union-find';

/** One organisation's record of a supplier, as its ledger or spend file has it. */
export type SupplierRecord = {
  id: string;
  organisation: string;
  name: string;
  companyNumber?: string;
  vatNumber?: string;
};

export type SupplierMatchReason =
  | 'companies-house-number'
  | 'vat-number'
  | 'normalised-name'
  | 'trading-name'
  | 'similar-name'
  | 'acronym';

/** Evidence that two records are the same supplier. */
export type SupplierMatch = {
  recordIds: [string, string];
  names: [string, string];
  confidence: number;
  reason: SupplierMatchReason;
  detail: string;
};

export type ResolvedSupplier = {
  supplierId: string;
  /** The spelling most records use. */
  name: string;
  nameKey: string;
  companyNumbers: string[];
  vatNumbers: string[];
  organisations: string[];
  recordIds: string[];
};

export type SupplierResolution = {
  suppliers: ResolvedSupplier[];
  /** Record id → supplier id. */
  supplierOf: ReadonlyMap<string, string>;
  /** The links that joined records, each with its confidence and reason. */
  matches: SupplierMatch[];
  /** Likely but uncertain matches, or matches blocked by conflicting identifiers: for a person to decide. */
  reviewQueue: SupplierMatch[];
  /** Identifiers that were present but could not be trusted. */
  identifierProblems: { recordId: string; field: 'companyNumber' | 'vatNumber'; reason: string }[];
};

export type SupplierResolutionOptions = {
  /** Name-only matches at or above this confidence are accepted without review. */
  autoAcceptConfidence: number;
  /** Below this a similar name is not even proposed. */
  reviewConfidence: number;
};

export const defaultSupplierResolutionOptions: SupplierResolutionOptions = {
  autoAcceptConfidence: 0.85,
  reviewConfidence: 0.6,
};

const confidenceOf: Record<SupplierMatchReason, number> = {
  'companies-house-number': 1,
  'vat-number': 0.98,
  'normalised-name': 0.92,
  'trading-name': 0.86,
  'similar-name': 0.9,
  acronym: 0.8,
};

/** A word used by so many names that sharing it says nothing ("nhs", "healthcare"). */
const commonWordShare = 0.02;

type Prepared = SupplierRecord & {
  key: string;
  tokens: readonly string[];
  tradingAs?: string;
  ch?: string;
  vat?: string;
};

/**
 * Resolves suppliers across organisations: the same Companies House number,
 * then the same VAT number, then the same normalised name, then similar names
 * (accepted when close enough, otherwise queued for review). Two records with
 * different Companies House numbers are never joined, whatever their names.
 */
export function resolveSuppliers(
  records: readonly SupplierRecord[],
  options: SupplierResolutionOptions = defaultSupplierResolutionOptions,
): SupplierResolution {
  const identifierProblems: SupplierResolution['identifierProblems'] = [];
  const prepared: Prepared[] = records.map((record) => {
    const name = normaliseOrganisationName(record.name);
    const entry: Prepared = { ...record, key: name.key, tokens: name.tokens, tradingAs: name.tradingAs };
    if (record.companyNumber?.trim()) {
      const check = checkCompanyNumber(record.companyNumber);
      if (check.valid) entry.ch = check.value;
      else identifierProblems.push({ recordId: record.id, field: 'companyNumber', reason: check.reason });
    }
    if (record.vatNumber?.trim()) {
      const check = checkVatNumber(record.vatNumber);
      if (check.valid) entry.vat = check.value;
      else identifierProblems.push({ recordId: record.id, field: 'vatNumber', reason: check.reason });
    }
    return entry;
  });

  const sets = new UnionFind(prepared.length);
  const companyNumbersOf = new Map<number, Set<string>>();
  prepared.forEach((record, index) => {
    if (record.ch) companyNumbersOf.set(index, new Set([record.ch]));
  });
  const numbersAt = (index: number): Set<string> => companyNumbersOf.get(sets.find(index)) ?? new Set();
  const matches: SupplierMatch[] = [];
  const reviewQueue: SupplierMatch[] = [];
  const proposal = (
    a: number,
    b: number,
    reason: SupplierMatchReason,
    confidence: number,
    detail: string,
  ): SupplierMatch => ({
    recordIds: [prepared[a]?.id ?? '', prepared[b]?.id ?? ''],
    names: [prepared[a]?.name ?? '', prepared[b]?.name ?? ''],
    confidence: Math.round(confidence * 1000) / 1000,
    reason,
    detail,
  });

  /** Joins unless the two sides already carry different Companies House numbers; then asks a person. */
  const join = (
    a: number,
    b: number,
    reason: SupplierMatchReason,
    confidence: number,
    detail: string,
  ): void => {
    if (sets.find(a) === sets.find(b)) return;
    const left = numbersAt(a);
    const right = numbersAt(b);
    if (left.size > 0 && right.size > 0 && ![...left].some((number) => right.has(number))) {
      reviewQueue.push(
        proposal(
          a,
          b,
          reason,
          confidence,
          `${detail}, but the Companies House numbers differ (${[...left].join(', ')} / ${[...right].join(', ')})`,
        ),
      );
      return;
    }
    const merged = new Set([...left, ...right]);
    const root = sets.union(a, b);
    if (merged.size > 0) companyNumbersOf.set(root, merged);
    matches.push(proposal(a, b, reason, confidence, detail));
  };

  const joinGroups = (
    keyOf: (record: Prepared) => string | undefined,
    reason: SupplierMatchReason,
    explain: (key: string) => string,
  ): void => {
    const firstWith = new Map<string, number>();
    prepared.forEach((record, index) => {
      const key = keyOf(record);
      if (!key) return;
      const first = firstWith.get(key);
      if (first === undefined) firstWith.set(key, index);
      else join(first, index, reason, confidenceOf[reason], explain(key));
    });
  };
  joinGroups(
    (record) => record.ch,
    'companies-house-number',
    (key) => `same Companies House number ${key}`,
  );
  joinGroups(
    (record) => record.vat,
    'vat-number',
    (key) => `same VAT number GB${key}`,
  );
  joinGroups(
    (record) => record.key || undefined,
    'normalised-name',
    (key) => `same name once legal forms and punctuation are set aside ("${key}")`,
  );

  // one representative record per distinct name, for trading names and similar names
  const representative = new Map<string, number>();
  prepared.forEach((record, index) => {
    if (record.key && !representative.has(record.key)) representative.set(record.key, index);
  });
  prepared.forEach((record, index) => {
    const other = record.tradingAs === undefined ? undefined : representative.get(record.tradingAs);
    if (other !== undefined)
      join(
        index,
        other,
        'trading-name',
        confidenceOf['trading-name'],
        `"${record.name}" trades as "${prepared[other]?.name}"`,
      );
  });
  proposeSimilarNames(representative, options, join, (a, b, reason, confidence, detail) =>
    reviewQueue.push(proposal(a, b, reason, confidence, detail)),
  );

  return assemble(prepared, sets, matches, reviewQueue, identifierProblems);
}

function proposeSimilarNames(
  representative: ReadonlyMap<string, number>,
  options: SupplierResolutionOptions,
  join: (a: number, b: number, reason: SupplierMatchReason, confidence: number, detail: string) => void,
  review: (a: number, b: number, reason: SupplierMatchReason, confidence: number, detail: string) => void,
): void {
  const keys = [...representative.keys()];
  const namesWithWord = new Map<string, number>();
  for (const key of keys)
    for (const word of new Set(key.split(' '))) namesWithWord.set(word, (namesWithWord.get(word) ?? 0) + 1);
  const common = Math.max(20, commonWordShare * keys.length);
  // names meet when they share an uncommon word, or when one could be the other's initials
  const blocks = new Map<string, string[]>();
  const addTo = (block: string, key: string): void => {
    const members = blocks.get(block) ?? [];
    members.push(key);
    blocks.set(block, members);
  };
  for (const key of keys) {
    const words = key.split(' ');
    for (const word of new Set(words)) {
      if ((namesWithWord.get(word) ?? 0) <= common) addTo(`word ${word.slice(0, 4)}`, key);
    }
    if (words.length >= 2) addTo(`initials ${words.map((word) => word[0]).join('')}`, key);
    for (const word of words) if (/^[a-z]{2,5}$/.test(word)) addTo(`initials ${word}`, key);
    const letters = words.filter((word) => word.length === 1).join('');
    if (letters.length >= 2) addTo(`initials ${letters}`, key);
  }
  const compared = new Set<string>();
  for (const members of blocks.values()) {
    if (members.length > 200) continue;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a = '', b = ''] = [members[i], members[j]].sort();
        const pair = `${a}|${b}`;
        if (a === b || compared.has(pair)) continue;
        compared.add(pair);
        const similarity = organisationNameSimilarity(a.split(' '), b.split(' '));
        const reason: SupplierMatchReason = similarity.usesAcronym ? 'acronym' : 'similar-name';
        const confidence = confidenceOf[reason] * similarity.score;
        if (confidence < options.reviewConfidence) continue;
        const left = representative.get(a) ?? 0;
        const right = representative.get(b) ?? 0;
        const detail = `names alike ("${a}" / "${b}", similarity ${similarity.score.toFixed(2)}${similarity.usesAcronym ? ', one is an acronym' : ''})`;
        if (confidence >= options.autoAcceptConfidence) join(left, right, reason, confidence, detail);
        else review(left, right, reason, confidence, detail);
      }
    }
  }
}

function assemble(
  prepared: readonly Prepared[],
  sets: UnionFind,
  matches: SupplierMatch[],
  reviewQueue: SupplierMatch[],
  identifierProblems: SupplierResolution['identifierProblems'],
): SupplierResolution {
  const members = new Map<number, number[]>();
  prepared.forEach((_, index) => {
    const root = sets.find(index);
    const group = members.get(root);
    if (group) group.push(index);
    else members.set(root, [index]);
  });
  const supplierOf = new Map<string, string>();
  const suppliers = [...members.values()].map((indices, position): ResolvedSupplier => {
    const records = indices.map((index) => prepared[index]).filter((record) => record !== undefined);
    const supplierId = `SUP-${String(position + 1).padStart(6, '0')}`;
    for (const record of records) supplierOf.set(record.id, supplierId);
    const spellings = new Map<string, number>();
    for (const record of records)
      spellings.set(record.name.trim(), (spellings.get(record.name.trim()) ?? 0) + 1);
    const name =
      [...spellings].sort(
        (a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]),
      )[0]?.[0] ?? '';
    const distinct = (values: (string | undefined)[]): string[] =>
      [...new Set(values.filter((value) => value !== undefined))].sort();
    return {
      supplierId,
      name,
      nameKey: records[0]?.key ?? '',
      companyNumbers: distinct(records.map((record) => record.ch)),
      vatNumbers: distinct(records.map((record) => record.vat)),
      organisations: distinct(records.map((record) => record.organisation)),
      recordIds: records.map((record) => record.id),
    };
  });
  // a proposal already settled by another route is no longer a question
  const open = reviewQueue.filter(
    (item) => supplierOf.get(item.recordIds[0]) !== supplierOf.get(item.recordIds[1]),
  );
  return { suppliers, supplierOf, matches, reviewQueue: open, identifierProblems };
}
