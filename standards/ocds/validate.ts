import type { ErrorObject, ValidateFunction } from 'ajv-draft-04';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { type OcdsProfile, schemaSet } from './schemas';

export type OcdsSchemaError = {
  /** Slash-separated location in the document, "(root)" for the top level: "releases/0/tag/0". */
  path: string;
  keyword: string;
  message: string;
};

export type OcdsValidation = { valid: boolean; errors: OcdsSchemaError[] };

export type ValidationOptions = {
  profile?: OcdsProfile;
  /**
   * Also check `format` (date-time, uri). The OCDS conformance results in the
   * shared fixtures were made without format checks, so the default leaves
   * them out; our own packages are checked with them on.
   */
  checkFormats?: boolean;
};

type Kind = 'releasePackage' | 'recordPackage';
const validators = new Map<string, ValidateFunction>();

function validatorFor(kind: Kind, options: ValidationOptions): ValidateFunction {
  const profile = options.profile ?? 'core';
  const checkFormats = options.checkFormats ?? false;
  const key = `${kind}:${profile}:${checkFormats}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const set = schemaSet(profile);
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: checkFormats });
  if (checkFormats) addFormats(ajv, ['date-time', 'uri', 'email']);
  for (const schema of set.schemas) ajv.addSchema(schema);
  const validate = ajv.getSchema(kind === 'releasePackage' ? set.releasePackage : set.recordPackage);
  if (!validate) throw new Error(`the ${profile} ${kind} schema did not compile`);
  validators.set(key, validate);
  return validate;
}

const decodePointer = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('/');

/**
 * Ajv reports every failing branch of a `oneOf`/`anyOf` and then the
 * combinator itself; a schema author reads that as one error at the
 * combinator's location, as the reference Python validator does. Branch
 * errors come immediately before their combinator and lie at or under its
 * location, so they are folded into it.
 */
function foldCombinatorBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
      const location = error.instancePath;
      while (kept.length > 0) {
        const last = kept.at(-1)?.instancePath ?? '';
        if (last !== location && !last.startsWith(`${location}/`)) break;
        kept.pop();
      }
    }
    kept.push(error);
  }
  return kept;
}

function run(kind: Kind, document: unknown, options: ValidationOptions): OcdsValidation {
  const validate = validatorFor(kind, options);
  const valid = validate(document) === true;
  const errors = foldCombinatorBranches(validate.errors ?? []).map((error) => ({
    path: decodePointer(error.instancePath) || '(root)',
    keyword: error.keyword,
    message: error.message ?? error.keyword,
  }));
  return { valid, errors };
}

/** Checks a release package against the OCDS 1.1.5 release-package schema (or the UK profile of it). */
export function validateReleasePackage(document: unknown, options: ValidationOptions = {}): OcdsValidation {
  return run('releasePackage', document, options);
}

/** Checks a record package against the OCDS 1.1.5 record-package schema (or the UK profile of it). */
export function validateRecordPackage(document: unknown, options: ValidationOptions = {}): OcdsValidation {
  return run('recordPackage', document, options);
}
