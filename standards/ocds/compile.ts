import { isJsonObject, type Json, type JsonObject } from './json';
import { type OcdsProfile, releaseSchemaFor } from './schemas';

/**
 * Field paths (property names joined by "/", array levels skipped) that the
 * schema marks `wholeListMerge`: such arrays replace rather than merge by id.
 */
function wholeListMergePaths(schema: JsonObject): Set<string> {
  const definitions = isJsonObject(schema.definitions) ? schema.definitions : {};
  const paths = new Set<string>();
  const visit = (node: Json | undefined, path: string, seen: readonly string[]) => {
    if (!isJsonObject(node)) return;
    const ref = typeof node.$ref === 'string' ? node.$ref.replace('#/definitions/', '') : undefined;
    if (ref !== undefined) {
      if (!seen.includes(ref)) visit(definitions[ref], path, [...seen, ref]);
      return;
    }
    if (node.wholeListMerge === true) paths.add(path);
    visit(node.items, path, seen);
    if (isJsonObject(node.properties)) {
      for (const [name, child] of Object.entries(node.properties))
        visit(child, path ? `${path}/${name}` : name, seen);
    }
  };
  visit(schema, '', []);
  return paths;
}

const wholeListCache = new Map<OcdsProfile, Set<string>>();
function wholeListFor(profile: OcdsProfile): Set<string> {
  let paths = wholeListCache.get(profile);
  if (!paths) {
    paths = wholeListMergePaths(releaseSchemaFor(profile));
    wholeListCache.set(profile, paths);
  }
  return paths;
}

type MergeContext = { wholeList: Set<string> };

const sameId = (a: Json | undefined, b: Json | undefined): boolean => a !== undefined && a === b;

function mergeArray(existing: Json | undefined, incoming: Json[], path: string, context: MergeContext): Json {
  const byId = incoming.every((item) => isJsonObject(item) && item.id !== undefined && item.id !== null);
  if (context.wholeList.has(path) || !byId || !Array.isArray(existing)) {
    return incoming.map((item) =>
      isJsonObject(item) ? mergeObject({}, item, path, context) : structuredClone(item),
    );
  }
  const result: Json[] = existing.map((item) => structuredClone(item));
  for (const item of incoming) {
    if (!isJsonObject(item)) continue;
    const index = result.findIndex((candidate) => isJsonObject(candidate) && sameId(candidate.id, item.id));
    const current = result[index];
    if (index >= 0 && isJsonObject(current)) result[index] = mergeObject(current, item, path, context);
    else result.push(mergeObject({}, item, path, context));
  }
  return result;
}

function mergeObject(
  existing: JsonObject,
  incoming: JsonObject,
  path: string,
  context: MergeContext,
): JsonObject {
  const result: JsonObject = { ...existing };
  for (const [key, value] of Object.entries(incoming)) {
    const childPath = path ? `${path}/${key}` : key;
    if (value === null) delete result[key];
    else if (Array.isArray(value)) result[key] = mergeArray(result[key], value, childPath, context);
    else if (isJsonObject(value)) {
      const current = result[key];
      result[key] = mergeObject(isJsonObject(current) ? current : {}, value, childPath, context);
    } else result[key] = value;
  }
  return result;
}

/** Fields of a release that describe the release itself rather than the contracting process. */
const RELEASE_ONLY = new Set(['id', 'date', 'tag']);

/**
 * Compiles the releases of one contracting process into its current state, by
 * the OCDS merging rules: releases in date order; objects merge field by field;
 * arrays of objects with ids merge by id unless the schema says wholeListMerge;
 * other arrays and values replace; `null` removes a field. The compiled
 * release is tagged "compiled", dated by the latest release and identified
 * `{ocid}-{date}`.
 */
export function compileReleases(releases: readonly JsonObject[], profile: OcdsProfile = 'core'): JsonObject {
  const [first] = releases;
  if (!first) throw new Error('compiling needs at least one release');
  const ocid = first.ocid;
  if (releases.some((release) => release.ocid !== ocid))
    throw new Error('releases of different contracting processes cannot be compiled together');
  const dated = releases
    .map((release, index) => ({ release, index, date: typeof release.date === 'string' ? release.date : '' }))
    .sort((a, b) => (a.date === b.date ? a.index - b.index : a.date < b.date ? -1 : 1));
  const context = { wholeList: wholeListFor(profile) };
  let state: JsonObject = {};
  for (const { release } of dated) {
    const body = Object.fromEntries(Object.entries(release).filter(([key]) => !RELEASE_ONLY.has(key)));
    state = mergeObject(state, body, '', context);
  }
  const date = dated.at(-1)?.date ?? '';
  return { tag: ['compiled'], id: `${String(ocid)}-${date}`, date, ...state };
}
