import { isRepeatedRow } from '../fingerprint';
import type { NormalisedRecord, Rejection } from '../normalise';
import { poundsProductToPence } from '../parse/decimal';
import { fieldSpecs, type SourceKind, schemaFor } from '../schema';
import type { DecimalText } from '../values';

/** Rows sharing one duplicate-key value: the first row's signature, or every signature seen once a second differs. */
type KeyGroup = string | { signatures: Set<string>; differing: number };

/** A unit price times a quantity may differ from the line value by rounding, not by more. */
const LINE_VALUE_TOLERANCE_PENCE = 1n;

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/**
 * What the quality scores need from a dataset, gathered a row at a time while
 * the rows are read, so an importer can let each batch of records go: fill
 * counts, time values with their counts, rejection rules, duplicate keys,
 * name spellings, PO line arithmetic and the amount total.
 */
export type QualityTally = {
  readonly kind: SourceKind;
  readonly records: number;
  readonly rejections: number;
  /** Rows with each expected field filled, by field. */
  readonly filled: ReadonlyMap<string, number>;
  /** Each distinct value of the kind's time field: how many records have it and how many of those have no warnings. */
  readonly times: ReadonlyMap<string, { rows: number; withoutWarnings: number }>;
  readonly withWarnings: number;
  /** Rejected rows per rule (a row counted once per rule it broke). */
  readonly rejectionRules: ReadonlyMap<string, number>;
  readonly exactRepeats: number;
  /** Rows repeating the duplicate key, amount, name and date of an earlier row. */
  readonly probableRepeats: number;
  readonly keyGroups: ReadonlyMap<string, KeyGroup>;
  /** Spellings of the kind's name field with their row counts, in order of first appearance. */
  readonly names: ReadonlyMap<string, number>;
  readonly lineValueMismatches: number;
  readonly totalPence: bigint;
  addRecord(record: NormalisedRecord): void;
  addRejection(rejection: Pick<Rejection, 'issues'>): void;
};

export function qualityTally(kind: SourceKind): QualityTally {
  const schema = schemaFor(kind);
  const expected = fieldSpecs(schema)
    .filter(([, spec]) => spec.presence === 'expected')
    .map(([field]) => field);
  const { timeField, amountField, nameField } = schema;
  const key = schema.duplicateKey ?? [];
  const sameness = [amountField, nameField, timeField].filter((field) => field !== undefined);
  const filled = new Map(expected.map((field) => [field, 0]));
  const times = new Map<string, { rows: number; withoutWarnings: number }>();
  const rejectionRules = new Map<string, number>();
  const keyGroups = new Map<string, KeyGroup>();
  const names = new Map<string, number>();

  const groupKeyOf = (values: Readonly<Record<string, unknown>>): string | null => {
    if (key.length === 1) {
      const only = text(values[key[0] as string]);
      return only === '' ? null : only;
    }
    const parts = key.map((field) => text(values[field]));
    return parts.every((part) => part === '') ? null : parts.join('\u001f');
  };

  const tally = {
    kind,
    records: 0,
    rejections: 0,
    filled,
    times,
    withWarnings: 0,
    rejectionRules,
    exactRepeats: 0,
    probableRepeats: 0,
    keyGroups,
    names,
    lineValueMismatches: 0,
    totalPence: 0n,

    addRecord(record: NormalisedRecord) {
      const values: Readonly<Record<string, unknown>> = record.values;
      tally.records += 1;
      for (const field of expected) {
        if (values[field] !== null) filled.set(field, (filled.get(field) ?? 0) + 1);
      }
      const warned = record.warnings.length > 0;
      if (warned) tally.withWarnings += 1;
      const time = values[timeField];
      if (typeof time === 'string') {
        const counts = times.get(time);
        if (counts) {
          counts.rows += 1;
          if (!warned) counts.withoutWarnings += 1;
        } else times.set(time, { rows: 1, withoutWarnings: warned ? 0 : 1 });
      }
      if (amountField) {
        const amount = values[amountField];
        if (typeof amount === 'bigint') tally.totalPence += amount;
      }
      if (nameField) {
        const name = values[nameField];
        if (typeof name === 'string' && name !== '') names.set(name, (names.get(name) ?? 0) + 1);
      }
      if (kind === 'po-lines') countLineValue(values);
      if (isRepeatedRow(record.fingerprint)) {
        tally.exactRepeats += 1;
        return;
      }
      if (key.length > 0) groupByKey(values);
    },

    addRejection(rejection: Pick<Rejection, 'issues'>) {
      tally.rejections += 1;
      for (const rule of new Set(rejection.issues.map((issue) => issue.rule)))
        rejectionRules.set(rule, (rejectionRules.get(rule) ?? 0) + 1);
    },
  };

  function groupByKey(values: Readonly<Record<string, unknown>>): void {
    const groupKey = groupKeyOf(values);
    if (groupKey === null) return;
    const signature = sameness.map((field) => text(values[field])).join('\u001f');
    const group = keyGroups.get(groupKey);
    if (group === undefined) keyGroups.set(groupKey, signature);
    else if (typeof group === 'string') {
      if (group === signature) tally.probableRepeats += 1;
      else keyGroups.set(groupKey, { signatures: new Set([group, signature]), differing: 1 });
    } else if (group.signatures.has(signature)) tally.probableRepeats += 1;
    else {
      group.signatures.add(signature);
      group.differing += 1;
    }
  }

  function countLineValue(values: Readonly<Record<string, unknown>>): void {
    const { quantity, unitPrice, lineValue } = values;
    if (typeof quantity !== 'string' || typeof unitPrice !== 'string' || typeof lineValue !== 'bigint')
      return;
    const expectedValue = poundsProductToPence(quantity as DecimalText, unitPrice as DecimalText);
    const difference = expectedValue > lineValue ? expectedValue - lineValue : lineValue - expectedValue;
    if (difference > LINE_VALUE_TOLERANCE_PENCE) tally.lineValueMismatches += 1;
  }

  return tally;
}
