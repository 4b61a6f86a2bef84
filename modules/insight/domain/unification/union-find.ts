/** Disjoint sets over 0…size−1 with path halving and union by size. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parent = Int32Array.from({ length: count }, (_, index) => index);
    this.size = new Int32Array(count).fill(1);
  }

  find(element: number): number {
    let current = element;
    while (true) {
      const parent = this.parent[current] ?? current;
      if (parent === current) return current;
      const grandparent = this.parent[parent] ?? parent;
      this.parent[current] = grandparent;
      current = grandparent;
    }
  }

  /** Joins the two sets and returns the new root (the root of the larger set; on a tie, of `a`). */
  union(a: number, b: number): number {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return rootA;
    const [kept, absorbed] =
      (this.size[rootA] ?? 0) >= (this.size[rootB] ?? 0) ? [rootA, rootB] : [rootB, rootA];
    this.parent[absorbed] = kept;
    this.size[kept] = (this.size[kept] ?? 0) + (this.size[absorbed] ?? 0);
    return kept;
  }

  sizeOf(element: number): number {
    return this.size[this.find(element)] ?? 1;
  }
}
