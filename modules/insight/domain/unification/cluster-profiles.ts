import { type CatalogueFeatures, listOf } from './catalogue-features';
import { UnionFind } from './union-find';

/** What a group of items, taken together, says about the product. */
type Profile = {
  measurements: number[];
  groupWords: number[];
  gtinFamilies: number[];
  manufacturers: number[];
  partCodes: number[];
};

export type ConflictChecks = {
  identifiers: boolean;
  manufacturer: boolean;
  partCode: boolean;
};

/** The union of two sorted lists of distinct numbers, sorted. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i] ?? Number.POSITIVE_INFINITY;
    const right = b[j] ?? Number.POSITIVE_INFINITY;
    if (left <= right) {
      merged.push(left);
      i++;
      if (left === right) j++;
    } else {
      merged.push(right);
      j++;
    }
  }
  return merged;
}

const disjoint = (a: readonly number[], b: readonly number[]): boolean =>
  a.length > 0 && b.length > 0 && !a.some((value) => b.includes(value));

/**
 * Groups of items that are the same product, grown by joining, where a join
 * is refused when the two groups disagree on something that defines a
 * product: a measurement of the same kind (5 ml / 10 ml), an attribute of the
 * same group (latex / nitrile), the GTIN, the manufacturer or the part code.
 * Checking groups, not just the two items, stops a chain of near matches
 * from joining a 5 ml and a 10 ml syringe through a description that gives no size.
 */
export class ProductGroups {
  readonly sets: UnionFind;
  private readonly profiles: (Profile | undefined)[];

  constructor(private readonly features: CatalogueFeatures) {
    this.sets = new UnionFind(features.count);
    this.profiles = new Array(features.count);
  }

  private profileOf(root: number): Profile {
    const stored = this.profiles[root];
    if (stored) return stored;
    const f = this.features;
    const groupWords: number[] = [];
    for (const word of listOf(f.words, root)) if ((f.wordGroup[word] ?? -1) >= 0) groupWords.push(word);
    const gtinFamily = f.gtinFamily[root] ?? -1;
    const manufacturer = f.manufacturer[root] ?? -1;
    const partCode = f.partCode[root] ?? -1;
    return {
      measurements: Array.from(listOf(f.measurements, root)),
      groupWords,
      gtinFamilies: gtinFamily >= 0 ? [gtinFamily] : [],
      manufacturers: manufacturer >= 0 ? [manufacturer] : [],
      partCodes: partCode >= 0 ? [partCode] : [],
    };
  }

  /** Values of one kind must agree: for every kind both sides state, the same set of values (lists are sorted and tiny). */
  private kindsDisagree(
    a: readonly number[],
    b: readonly number[],
    kindOf: (id: number) => number,
  ): { left: number[]; right: number[] } | undefined {
    for (const value of a) {
      const kind = kindOf(value);
      let inA = 0;
      let inB = 0;
      let matched = 0;
      for (const x of a) if (kindOf(x) === kind) inA++;
      for (const y of b) {
        if (kindOf(y) !== kind) continue;
        inB++;
        if (a.includes(y)) matched++;
      }
      if (inB > 0 && (inA !== inB || matched !== inB)) {
        return { left: a.filter((x) => kindOf(x) === kind), right: b.filter((y) => kindOf(y) === kind) };
      }
    }
    return undefined;
  }

  /** Why the groups of items `a` and `b` cannot be one product, or undefined when nothing says so. */
  conflict(a: number, b: number, checks: ConflictChecks): string | undefined {
    const f = this.features;
    const left = this.profileOf(this.sets.find(a));
    const right = this.profileOf(this.sets.find(b));
    const measures = this.kindsDisagree(
      left.measurements,
      right.measurements,
      (id) => f.measurementKind[id] ?? -1,
    );
    if (measures) {
      const text = (ids: number[]) => ids.map((id) => f.measurementTexts.values[id]).join(' ');
      return `sizes differ (${text(measures.left)} / ${text(measures.right)})`;
    }
    const attributes = this.kindsDisagree(left.groupWords, right.groupWords, (id) => f.wordGroup[id] ?? -1);
    if (attributes) {
      const text = (ids: number[]) => ids.map((id) => f.wordTexts.values[id]).join(' ');
      return `attributes differ (${text(attributes.left)} / ${text(attributes.right)})`;
    }
    if (checks.identifiers && disjoint(left.gtinFamilies, right.gtinFamilies)) return 'GTINs differ';
    if (checks.manufacturer && disjoint(left.manufacturers, right.manufacturers))
      return 'manufacturers differ';
    if (checks.partCode && disjoint(left.partCodes, right.partCodes)) return 'manufacturer part codes differ';
    return undefined;
  }

  join(a: number, b: number): void {
    const rootA = this.sets.find(a);
    const rootB = this.sets.find(b);
    if (rootA === rootB) return;
    const left = this.profileOf(rootA);
    const right = this.profileOf(rootB);
    const root = this.sets.union(rootA, rootB);
    this.profiles[rootA] = undefined;
    this.profiles[rootB] = undefined;
    this.profiles[root] = {
      measurements: mergeSorted(left.measurements, right.measurements),
      groupWords: mergeSorted(left.groupWords, right.groupWords),
      gtinFamilies: mergeSorted(left.gtinFamilies, right.gtinFamilies),
      manufacturers: mergeSorted(left.manufacturers, right.manufacturers),
      partCodes: mergeSorted(left.partCodes, right.partCodes),
    };
  }
}
