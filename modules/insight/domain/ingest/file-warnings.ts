import type { Table } from './read-table';
import type { SourceSchema } from './schema';

export type FileWarning = { rule: string; message: string };

/** What a person should know about a file that was read: nothing here stops the import. */
export function fileWarnings(
  table: Table,
  absentSaved: readonly string[],
  schema: SourceSchema,
): FileWarning[] {
  const warnings: FileWarning[] = [];
  if (table.rows.length === 0)
    warnings.push({ rule: 'no-data-rows', message: 'The file has a header but no data rows' });
  if (table.preamble.length > 0) {
    warnings.push({
      rule: 'preamble',
      message: `${table.preamble.length} title line(s) above the header were skipped: ${table.preamble
        .map((row) => `line ${row.line}`)
        .join(', ')}`,
    });
  }
  const source = table.source;
  if (source.format === 'csv') {
    if (source.unterminatedQuoteLine !== null) {
      warnings.push({
        rule: 'unterminated-quote',
        message: `A quote opened on line ${source.unterminatedQuoteLine} is never closed; the rest of the file is one cell`,
      });
    }
    const { decoding } = source;
    if (decoding.encoding === 'mixed') {
      warnings.push({
        rule: 'mixed-encoding',
        message: `Non-ASCII bytes were read with different encodings: ${decoding.decisions
          .map((decision) => `${decision.runs} as ${decision.encoding}`)
          .join(', ')}`,
      });
    }
    if (decoding.replacedCharacters > 0) {
      warnings.push({
        rule: 'replaced-characters',
        message: `${decoding.replacedCharacters} character(s) could not be decoded and show as U+FFFD (first on line ${decoding.flags.find((flag) => flag.kind === 'replacement-character')?.line})`,
      });
    }
    const doubtful = decoding.flags.filter((flag) => flag.kind === 'doubtful-character');
    if (doubtful.length > 0) {
      warnings.push({
        rule: 'doubtful-characters',
        message: `${doubtful.length} character(s) may be misread: ${doubtful.map((flag) => `line ${flag.line}: ${flag.detail}`).join('; ')}`,
      });
    }
  } else if (source.otherSheets.length > 0) {
    warnings.push({
      rule: 'other-sheets',
      message: `Only worksheet "${source.sheet}" was read; ${source.otherSheets.map((name) => `"${name}"`).join(', ')} also hold data`,
    });
  }
  if (absentSaved.length > 0) {
    const labels = absentSaved.map((field) => schema.fields[field]?.label ?? field);
    warnings.push({
      rule: 'profile-drift',
      message: `Saved columns missing from this file: ${labels.join(', ')}`,
    });
  }
  return warnings;
}
