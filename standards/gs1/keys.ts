import { invalid } from '../../kernel/errors';
import { gs1CheckDigit } from './check-digit';

export type Gs1KeyType = 'GTIN' | 'GLN' | 'SSCC';
export type GtinFormat = 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14';

/** Why a key was refused; the names follow the GS1 Syntax Dictionary linter errors where one exists. */
export type Gs1KeyFault =
  | 'empty'
  | 'non-digit-character'
  | 'too-short'
  | 'too-long'
  | 'invalid-length'
  | 'incorrect-check-digit';

export type Gs1KeyProblem = {
  valid: false;
  fault: Gs1KeyFault;
  message: string;
  /** 0-based position of the offending character, where there is one. */
  position?: number;
  /** For `incorrect-check-digit`: the digit the key should end with. */
  expectedCheckDigit?: number;
};

export type GtinCheck = { valid: true; format: GtinFormat; gtin14: string } | Gs1KeyProblem;
export type KeyCheck = { valid: true; value: string } | Gs1KeyProblem;

const LENGTHS: Record<Gs1KeyType, readonly number[]> = {
  GTIN: [8, 12, 13, 14],
  GLN: [13],
  SSCC: [18],
};

function checkKey(value: string, type: Gs1KeyType): Gs1KeyProblem | undefined {
  if (value.length === 0) return { valid: false, fault: 'empty', message: `a ${type} cannot be empty` };
  const nonDigit = value.search(/\D/);
  if (nonDigit >= 0) {
    return {
      valid: false,
      fault: 'non-digit-character',
      position: nonDigit,
      message: `a ${type} is digits only; "${value}" has ${JSON.stringify(value[nonDigit])} at position ${nonDigit + 1}`,
    };
  }
  const lengths = LENGTHS[type];
  const shortest = Math.min(...lengths);
  const longest = Math.max(...lengths);
  if (!lengths.includes(value.length)) {
    const fault: Gs1KeyFault =
      value.length < shortest ? 'too-short' : value.length > longest ? 'too-long' : 'invalid-length';
    return {
      valid: false,
      fault,
      message: `a ${type} has ${lengths.join(', ')} digits; "${value}" has ${value.length}`,
    };
  }
  const expected = gs1CheckDigit(value.slice(0, -1));
  if (Number(value.at(-1)) !== expected) {
    return {
      valid: false,
      fault: 'incorrect-check-digit',
      position: value.length - 1,
      expectedCheckDigit: expected,
      message: `the ${type} check digit is wrong: "${value}" ends in ${value.at(-1)} but the check digit is ${expected}`,
    };
  }
  return undefined;
}

/** GTIN-8, -12, -13 or -14: digits only, one of those lengths, a good check digit; normalised to 14 digits. */
export function validateGtin(value: string): GtinCheck {
  const problem = checkKey(value, 'GTIN');
  if (problem) return problem;
  return { valid: true, format: `GTIN-${value.length}` as GtinFormat, gtin14: value.padStart(14, '0') };
}

/** A Global Location Number: 13 digits with a good check digit (what PEPPOL-COMMON-R040 asks of scheme 0088). */
export function validateGln(value: string): KeyCheck {
  return checkKey(value, 'GLN') ?? { valid: true, value };
}

/** A Serial Shipping Container Code: 18 digits with a good check digit. */
export function validateSscc(value: string): KeyCheck {
  return checkKey(value, 'SSCC') ?? { valid: true, value };
}

function refuse(type: Gs1KeyType, path: string, problem: Gs1KeyProblem): never {
  throw invalid(`gs1.invalid-${type.toLowerCase()}`, `${path}: ${problem.message}`, [
    { path, rule: problem.fault, message: problem.message },
  ]);
}

/** The GTIN-14 form of a valid GTIN; otherwise a DomainError naming `path` and the fault. */
export function parseGtin(value: string, path = 'gtin'): string {
  const check = validateGtin(value);
  return check.valid ? check.gtin14 : refuse('GTIN', path, check);
}

export function parseGln(value: string, path = 'gln'): string {
  const check = validateGln(value);
  return check.valid ? check.value : refuse('GLN', path, check);
}
