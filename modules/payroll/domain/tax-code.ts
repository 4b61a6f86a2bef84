import type { TaxRegime } from '../reference-data';

/**
 * A PAYE tax code as HMRC issues it (PAYE11015, PAYE11085, GOV.UK emergency
 * codes): optional S (Scottish) or C (Welsh) prefix, the code itself, and an
 * optional non-cumulative marker W1, M1 or X.
 */
export type TaxCodeBody =
  /** number + L/M/N/T, and 0T: free pay from Tables A; the suffix letter does not change the sums. */
  | { readonly kind: 'allowance'; readonly codeNumber: number; readonly suffix: 'L' | 'M' | 'N' | 'T' }
  /** K + number: the Tables A figure is added to pay; the 50% regulatory limit matters most here. */
  | { readonly kind: 'k-code'; readonly codeNumber: number }
  /** BR, D0, D1 … (SD0–SD3 in Scotland): all pay at one rate, `ratesAboveBasic` steps above the basic rate. */
  | { readonly kind: 'flat-rate'; readonly ratesAboveBasic: number }
  /** NT: no tax; a cumulative NT refunds the tax deducted to date. */
  | { readonly kind: 'no-tax' };

export type TaxCode = TaxCodeBody & {
  /** The code as written on a payslip, normalised: "S1257L", "K585 W1". */
  readonly text: string;
  readonly regime: TaxRegime;
  /** W1, M1 or X marker: taxed on the week 1 / month 1 basis. */
  readonly nonCumulative: boolean;
};

export type TaxCodeParse =
  | { readonly ok: true; readonly code: TaxCode }
  | { readonly ok: false; readonly reason: string };

const MAX_CODE_DIGITS = 6;
const SUFFIXES = ['L', 'M', 'N', 'T'] as const;
const isSuffix = (letter: string): letter is (typeof SUFFIXES)[number] =>
  (SUFFIXES as readonly string[]).includes(letter);

const fail = (reason: string): TaxCodeParse => ({ ok: false, reason });

function parseBody(body: string): TaxCodeBody | string {
  if (body === '') return 'has nothing after the prefix';
  if (body === 'BR') return { kind: 'flat-rate', ratesAboveBasic: 0 };
  if (body === 'NT') return { kind: 'no-tax' };
  if (body.startsWith('D')) {
    const digits = body.slice(1);
    if (!/^\d$/.test(digits)) return `${body} is not a D code: D is followed by one digit (D0, D1 …)`;
    return { kind: 'flat-rate', ratesAboveBasic: 1 + Number(digits) };
  }
  if (body.startsWith('K')) {
    const digits = body.slice(1);
    if (digits === '') return 'K must be followed by the code number (K1 to K999999)';
    if (!/^\d+$/.test(digits)) return `${body} is not a K code: K is followed by digits only`;
    if (digits.startsWith('0')) return `K code number ${digits} must not start with 0 (K1 to K999999)`;
    if (digits.length > MAX_CODE_DIGITS)
      return `K code number ${digits} has more than ${MAX_CODE_DIGITS} digits`;
    return { kind: 'k-code', codeNumber: Number(digits) };
  }
  const match = /^(\d+)([A-Z]*)$/.exec(body);
  if (!match) return `${body} is not a recognised tax code form (e.g. 1257L, K475, BR, D0, NT, 0T)`;
  const digits = match[1] ?? '';
  const letters = match[2] ?? '';
  if (letters === '') return `${body} has no suffix letter (expected L, M, N or T)`;
  if (letters.length > 1 || !isSuffix(letters))
    return `${body} has suffix ${letters}, which is not a tax code letter (expected L, M, N or T)`;
  if (digits.length > MAX_CODE_DIGITS) return `code number ${digits} has more than ${MAX_CODE_DIGITS} digits`;
  if (digits.startsWith('0') && digits !== '0') return `code number ${digits} must not start with 0`;
  if (digits === '0' && letters !== 'T') return `0${letters} is not a code: a zero allowance is written 0T`;
  return { kind: 'allowance', codeNumber: Number(digits), suffix: letters };
}

/**
 * Reads a tax code, accepting the forms payroll staff and P45s use
 * ("1257L", "s1257l", "1257L W1", "1257L/M1", "K475X", "SD2", "C0T"), and
 * refusing anything else with the precise reason.
 */
export function parseTaxCode(input: string): TaxCodeParse {
  const squeezed = input.trim().toUpperCase().replace(/\s+/g, ' ');
  if (squeezed === '') return fail('the tax code is empty');
  const stray = /[^A-Z0-9 /]/.exec(squeezed);
  if (stray) return fail(`"${input.trim()}" contains "${stray[0]}", which cannot appear in a tax code`);

  const marker = /(?:[ /]?)(W1|M1|X)$/.exec(squeezed);
  const nonCumulative = marker !== null;
  let code = marker ? squeezed.slice(0, marker.index) : squeezed;
  if (/[ /]/.test(code))
    return fail(`"${input.trim()}" has a space or slash inside the code (only before W1, M1 or X)`);

  let regime: TaxRegime = 'rest-of-uk';
  if (code.startsWith('S')) {
    regime = 'scotland';
    code = code.slice(1);
  } else if (code.startsWith('C')) {
    regime = 'wales';
    code = code.slice(1);
  }
  const body = parseBody(code);
  if (typeof body === 'string') return fail(`"${input.trim()}": ${body}`);
  const prefix = regime === 'scotland' ? 'S' : regime === 'wales' ? 'C' : '';
  const text = `${prefix}${code}${marker ? ` ${marker[1]}` : ''}`;
  return { ok: true, code: { ...body, text, regime, nonCumulative } };
}
