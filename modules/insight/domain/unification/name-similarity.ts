/**
 * How alike two normalised organisation names are, word by word: equal words,
 * truncations ("servic" / "service"), one-letter typos, and acronyms standing
 * for a run of words ("sbs" / "shared business service"). A Dice coefficient
 * over the words, each match weighted by how sure it is, and generic words
 * ("nhs", "hospital", "healthcare") counting less than distinctive ones.
 */
export type NameSimilarity = { score: number; usesAcronym: boolean };

const truncationMatch = 0.9;
const typoMatch = 0.85;
const acronymMatch = 0.8;

/** Words many unrelated organisations share; they count for this much of a distinctive word. */
const genericWeight = 0.3;
const genericWords = new Set([
  'nhs',
  'trust',
  'hospital',
  'university',
  'college',
  'royal',
  'national',
  'health',
  'healthcare',
  'care',
  'medical',
  'service',
  'london',
  'borough',
  'council',
  'group',
  'system',
  'solution',
  'management',
  'consulting',
  'international',
  'product',
  'supply',
  'supplies',
  'energy',
]);

const weightOf = (word: string): number => (genericWords.has(word) ? genericWeight : 1);
const totalWeight = (words: readonly string[]): number =>
  words.reduce((sum, word) => sum + weightOf(word), 0);

/** Runs of single letters are written-out initials: "s n" → "sn". */
export function collapseInitials(tokens: readonly string[]): string[] {
  const collapsed: string[] = [];
  let initials = '';
  for (const token of [...tokens, '']) {
    if (token.length === 1) {
      initials += token;
      continue;
    }
    if (initials) collapsed.push(initials);
    initials = '';
    if (token) collapsed.push(token);
  }
  return collapsed;
}

/** True when the two words differ by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

function wordMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 4 && longer.length - shorter.length <= 3 && longer.startsWith(shorter))
    return truncationMatch;
  if (shorter.length >= 5 && withinOneEdit(a, b)) return typoMatch;
  return 0;
}

const isAcronymCandidate = (token: string): boolean => /^[a-z]{2,5}$/.test(token);

/** Matches of `a`'s words into `b`, acronyms in `a` allowed to cover a run of `b`'s words (which then weighs as one word). */
function oneWay(
  a: readonly string[],
  b: readonly string[],
): { matched: number; weightA: number; weightB: number; usesAcronym: boolean } {
  const used = new Uint8Array(b.length);
  let matched = 0;
  // a truncated or misspelt word weighs what the word it stands for weighs
  let weightA = 0;
  let weightB = totalWeight(b);
  let usesAcronym = false;
  for (const word of a) {
    let best = 0;
    let bestAt = -1;
    b.forEach((other, index) => {
      if (used[index]) return;
      const score = wordMatch(word, other);
      if (score > best) {
        best = score;
        bestAt = index;
      }
    });
    if (bestAt >= 0) {
      used[bestAt] = 1;
      const weight = Math.min(weightOf(word), weightOf(b[bestAt] ?? ''));
      matched += best * weight;
      weightA += weight;
      continue;
    }
    weightA += weightOf(word);
    if (!isAcronymCandidate(word)) continue;
    for (let start = 0; start + word.length <= b.length; start++) {
      const run = b.slice(start, start + word.length);
      if (run.some((_, offset) => used[start + offset]) || run.map((other) => other[0]).join('') !== word)
        continue;
      run.forEach((_, offset) => {
        used[start + offset] = 1;
      });
      matched += acronymMatch * weightOf(word);
      weightB += weightOf(word) - totalWeight(run);
      usesAcronym = true;
      break;
    }
  }
  return { matched, weightA, weightB, usesAcronym };
}

export function organisationNameSimilarity(a: readonly string[], b: readonly string[]): NameSimilarity {
  const left = collapseInitials(a);
  const right = collapseInitials(b);
  if (left.length === 0 || right.length === 0) return { score: 0, usesAcronym: false };
  const forward = oneWay(left, right);
  const backward = oneWay(right, left);
  const forwardScore = (2 * forward.matched) / (forward.weightA + forward.weightB);
  const backwardScore = (2 * backward.matched) / (backward.weightA + backward.weightB);
  return forwardScore >= backwardScore
    ? { score: forwardScore, usesAcronym: forward.usesAcronym }
    : { score: backwardScore, usesAcronym: backward.usesAcronym };
}
