/** The outcome of reading one cell: a value, or the rule it broke and why, in words for the user. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; rule: string; message: string };

export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });

export const refused = <T = never>(rule: string, message: string): Parsed<T> => ({
  ok: false,
  rule,
  message,
});
