/** The first and last day a time value covers: a date covers itself, a month (YYYY-MM) all its days. */
export function timeSpan(value: unknown): { first: string; last: string } | null {
  if (typeof value !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { first: value, last: value };
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [year, month] = value.split('-').map(Number);
    const lastDay = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
    return { first: `${value}-01`, last: `${value}-${String(lastDay).padStart(2, '0')}` };
  }
  return null;
}

export const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
