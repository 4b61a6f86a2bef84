import awardCriteria from './extensions/ocds_awardCriteria_extension/release-schema.json';
import bid from './extensions/ocds_bid_extension/release-schema.json';
import communication from './extensions/ocds_communication_extension/release-schema.json';
import location from './extensions/ocds_location_extension/release-schema.json';
import otherRequirements from './extensions/ocds_otherRequirements_extension/release-schema.json';
import performanceFailures from './extensions/ocds_performance_failures_extension/release-schema.json';
import subcontracting from './extensions/ocds_subcontracting_extension/release-schema.json';
import suitability from './extensions/ocds_suitability_extension/release-schema.json';
import techniques from './extensions/ocds_techniques_extension/release-schema.json';
import extensionManifest from './extensions/ocds_uk_extension/extension.json';
import ukRelease from './extensions/ocds_uk_extension/release-schema.json';
import { type Json, type JsonObject, mergePatch } from './json';
import recordPackageSchema from './schema-1.1.5/record-package-schema.json';
import releasePackageSchema from './schema-1.1.5/release-package-schema.json';
import releaseSchema from './schema-1.1.5/release-schema.json';
import versionedReleaseSchema from './schema-1.1.5/versioned-release-validation-schema.json';

/** `core` is OCDS 1.1.5; `uk` adds the Cabinet Office UK extension and the nine extensions it depends on. */
export type OcdsProfile = 'core' | 'uk';

export const OCDS_VERSION = '1.1';
export const CORE_SCHEMA_BASE = 'https://standard.open-contracting.org/schema/1__1__5/';
const UK_SCHEMA_BASE = 'urn:mainstay:ocds:1__1__5+uk:';

/** The commit of cabinetoffice/ocds_uk_extension whose schema is in extensions/ocds_uk_extension. */
export const UK_EXTENSION_URL =
  'https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/aa0e43b84dfad0cb9b839a8135e0bc4b285d32fc/extension.json';

/** What a release package declares in `extensions` when it uses UK fields: the UK extension and its dependencies. */
export const UK_EXTENSIONS: readonly string[] = [UK_EXTENSION_URL, ...extensionManifest.dependencies];

/** JSON files are JSON by construction; TypeScript only sees their literal shapes. */
const fromJsonFile = (value: object): JsonObject => value as JsonObject;

/** Dependencies first, in the order the UK extension lists them, then the UK extension itself. */
const UK_PATCHES: JsonObject[] = [
  awardCriteria,
  bid,
  communication,
  location,
  otherRequirements,
  performanceFailures,
  subcontracting,
  suitability,
  techniques,
  ukRelease,
].map(fromJsonFile);

function withId(schema: Json, id: string, replacements: [string, string][]): JsonObject {
  let text = JSON.stringify(schema);
  for (const [from, to] of replacements) text = text.replaceAll(`"${from}"`, `"${to}"`);
  return { ...(JSON.parse(text) as JsonObject), id };
}

function ukSchemas(): JsonObject[] {
  const patched = UK_PATCHES.reduce<Json>(
    (schema, patch) => mergePatch(schema, patch),
    fromJsonFile(releaseSchema),
  );
  const release = `${UK_SCHEMA_BASE}release-schema.json`;
  const swap: [string, string][] = [[`${CORE_SCHEMA_BASE}release-schema.json`, release]];
  return [
    withId(patched, release, []),
    withId(fromJsonFile(releasePackageSchema), `${UK_SCHEMA_BASE}release-package-schema.json`, swap),
    withId(fromJsonFile(recordPackageSchema), `${UK_SCHEMA_BASE}record-package-schema.json`, swap),
  ];
}

export function schemaSet(profile: OcdsProfile): {
  schemas: JsonObject[];
  releasePackage: string;
  recordPackage: string;
  release: string;
} {
  const core = [releaseSchema, versionedReleaseSchema, releasePackageSchema, recordPackageSchema].map(
    fromJsonFile,
  );
  const base = profile === 'core' ? CORE_SCHEMA_BASE : UK_SCHEMA_BASE;
  return {
    schemas: profile === 'core' ? core : [fromJsonFile(versionedReleaseSchema), ...ukSchemas()],
    releasePackage: `${base}release-package-schema.json`,
    recordPackage: `${base}record-package-schema.json`,
    release: `${base}release-schema.json`,
  };
}

/** The release schema for a profile (the core one, or the core patched with the UK extensions). */
export function releaseSchemaFor(profile: OcdsProfile): JsonObject {
  const set = schemaSet(profile);
  const schema = set.schemas.find((candidate) => candidate.id === set.release);
  if (!schema) throw new Error(`no release schema for ${profile}`);
  return schema;
}
