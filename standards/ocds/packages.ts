import { invalid } from '../../kernel/errors';
import { compileReleases } from './compile';
import type { JsonObject } from './json';
import { OCDS_VERSION, type OcdsProfile, UK_EXTENSIONS } from './schemas';
import type { OcdsRelease, PackageInput, PublisherInput } from './types';
import { type OcdsValidation, validateRecordPackage, validateReleasePackage } from './validate';

export type PackageOptions = {
  /** `uk` (the default for Procurement Act notices) declares and validates against the UK extension. */
  profile?: OcdsProfile;
};

function metadata(input: PackageInput, profile: OcdsProfile): JsonObject {
  const publisher: PublisherInput = input.publisher;
  return {
    uri: input.uri,
    version: OCDS_VERSION,
    ...(profile === 'uk' ? { extensions: [...UK_EXTENSIONS] } : {}),
    publishedDate: input.publishedDate,
    publisher: { ...publisher },
    ...(input.license ? { license: input.license } : {}),
    ...(input.publicationPolicy ? { publicationPolicy: input.publicationPolicy } : {}),
  };
}

function refuseIfInvalid(kind: string, result: OcdsValidation): void {
  if (result.valid) return;
  const issues = result.errors.map((error) => ({
    path: error.path,
    rule: `ocds-schema-${error.keyword}`,
    message: `${error.path}: ${error.message}`,
  }));
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw invalid(
    'ocds.invalid-package',
    `The ${kind} does not conform to OCDS 1.1.5: ${issues[0]?.message}${more}`,
    issues,
  );
}

/**
 * A release package ready to publish. It is checked against the release-package
 * schema (with formats, and with the UK extension for the `uk` profile) and
 * refused with a DomainError naming each failing JSON path if it does not conform.
 */
export function buildReleasePackage(input: PackageInput, options: PackageOptions = {}): JsonObject {
  const profile = options.profile ?? 'uk';
  const document = { ...metadata(input, profile), releases: input.releases };
  refuseIfInvalid('release package', validateReleasePackage(document, { profile, checkFormats: true }));
  return document;
}

/**
 * A record package: one record per contracting process (in order of first
 * appearance) with its releases embedded and its compiled release. Checked
 * like `buildReleasePackage`.
 */
export function buildRecordPackage(input: PackageInput, options: PackageOptions = {}): JsonObject {
  const profile = options.profile ?? 'uk';
  const byOcid = new Map<string, OcdsRelease[]>();
  for (const release of input.releases) {
    const ocid = String(release.ocid);
    byOcid.set(ocid, [...(byOcid.get(ocid) ?? []), release]);
  }
  const records = [...byOcid].map(([ocid, releases]) => ({
    ocid,
    releases,
    compiledRelease: compileReleases(releases, profile),
  }));
  const document = { ...metadata(input, profile), records };
  refuseIfInvalid('record package', validateRecordPackage(document, { profile, checkFormats: true }));
  return document;
}
