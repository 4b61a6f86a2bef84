/** A benchmark `mainstay bench NAME --json` can run: it returns one line of figures (rates, medians, ratios). */
export type BenchOptions = Record<string, string | boolean | undefined>;

export type Benchmark = {
  name: string;
  description: string;
  /** Extra command-line options, e.g. `--employees <n>`. */
  options?: { flags: string; description: string }[];
  run(options: BenchOptions, progress: (line: string) => void): Promise<Record<string, unknown>>;
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const round = (value: number, places = 0): number => Number(value.toFixed(places));
