import { glSchema } from './gl';
import { poLinesSchema } from './po-lines';
import { spendSchema } from './spend';
import type { FieldSpec, SourceKind, SourceSchema, ValuesOf } from './types';
import {
  leaversSchema,
  sicknessSchema,
  staffInPostSchema,
  startersSchema,
  temporaryStaffingSchema,
  vacanciesSchema,
} from './workforce';

export const SCHEMAS = {
  spend: spendSchema,
  'po-lines': poLinesSchema,
  gl: glSchema,
  'staff-in-post': staffInPostSchema,
  starters: startersSchema,
  leavers: leaversSchema,
  sickness: sicknessSchema,
  vacancies: vacanciesSchema,
  'temporary-staffing': temporaryStaffingSchema,
} as const satisfies { [K in SourceKind]: SourceSchema & { kind: K } };

export const SOURCE_KINDS = Object.keys(SCHEMAS) as SourceKind[];

export type SchemaOf<K extends SourceKind> = (typeof SCHEMAS)[K];

/** The canonical field names of one kind of extract. */
export type FieldName<K extends SourceKind> = K extends SourceKind
  ? Extract<keyof SchemaOf<K>['fields'], string>
  : never;

/** The values of one normalised row of kind K, typed from its schema. */
export type RecordValues<K extends SourceKind> = ValuesOf<SchemaOf<K>>;

export function schemaFor(kind: SourceKind): SourceSchema {
  return SCHEMAS[kind];
}

export function fieldSpecs(schema: SourceSchema): [string, FieldSpec][] {
  return Object.entries(schema.fields);
}

export function isSourceKind(value: string): value is SourceKind {
  return Object.hasOwn(SCHEMAS, value);
}

export type {
  DraftValues,
  FieldSpec,
  FieldType,
  FieldValue,
  Presence,
  SourceKind,
  SourceSchema,
  WorkforceKind,
} from './types';
