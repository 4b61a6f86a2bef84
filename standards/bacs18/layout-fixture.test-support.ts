import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fixturePath } from '../../testing/fixtures';

/** One row of the shared bacs-standard18-layout.csv: the positions tests hold generated records against. */
export type LayoutRow = {
  record: string;
  start: number;
  end: number;
  length: number;
  field: string;
  content_rule: string;
  confidence: string;
};

export function loadLayoutCsv(): LayoutRow[] {
  const text = readFileSync(fixturePath('bacs-standard18-rti-fps', 'bacs-standard18-layout.csv'), 'utf8');
  const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true });
  return rows.map((row) => ({
    record: row.record ?? '',
    start: Number(row.start),
    end: Number(row.end),
    length: Number(row.length),
    field: row.field ?? '',
    content_rule: row.content_rule ?? '',
    confidence: row.confidence ?? '',
  }));
}

/** The field of `record` named `field` in the CSV, cut from a generated line by the CSV's positions. */
export function cutField(layout: LayoutRow[], record: string, field: string, line: string): string {
  const row = layout.find((candidate) => candidate.record === record && candidate.field === field);
  if (!row) throw new Error(`bacs-standard18-layout.csv has no ${record} field "${field}"`);
  return line.slice(row.start - 1, row.end);
}
