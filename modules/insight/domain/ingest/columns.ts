import { ingestError } from './errors';
import { cleanText, compactKey } from './parse/text';
import { missingRequiredFields } from './profile';
import type { Table } from './read-table';
import type { SourceSchema } from './schema';

export type BoundColumns = {
  /** Mapped fields and the column each is read from. */
  bound: { field: string; index: number; header: string }[];
  /** Every other column, under a unique name, kept with each row as extras. */
  extras: { index: number; header: string }[];
  /** Fields whose saved column the file no longer has. */
  absentSaved: string[];
};

/**
 * Binds a profile's columns to this file's headers by name. A required field
 * with no column (and no stand-in columns, and no value for the whole file)
 * refuses the file, naming every header that was tried or the saved column
 * that has gone.
 */
export function bindColumns(
  table: Table,
  profile: { columns: readonly { header: string; field: string }[] },
  schema: SourceSchema,
  datasetDateGiven: boolean,
): BoundColumns {
  const indexByKey = new Map<string, number>();
  table.headers.forEach((header, index) => {
    const key = compactKey(header);
    if (key !== '' && !indexByKey.has(key)) indexByKey.set(key, index);
  });
  const bound: { field: string; index: number; header: string }[] = [];
  const absentSaved: string[] = [];
  for (const column of profile.columns) {
    const index = indexByKey.get(compactKey(column.header));
    if (index === undefined) absentSaved.push(column.field);
    else bound.push({ field: column.field, index, header: cleanText(table.headers[index] ?? column.header) });
  }
  const mapped = new Set(bound.map((entry) => entry.field));
  if (datasetDateGiven && schema.datasetDateField) mapped.add(schema.datasetDateField);
  const missing = missingRequiredFields(schema, mapped);
  if (missing.length > 0) {
    const drifted = missing.some((field) => absentSaved.includes(field.field));
    const issues = missing.map((field) => {
      const saved = profile.columns.find((column) => column.field === field.field);
      const standIns = field.alternatives.map((set) => set.join(' + ')).join(' or ');
      const message = saved
        ? `the saved mapping reads ${field.label} from "${saved.header}", which this file does not have`
        : `no column for ${field.label} (tried: ${field.tried.join(', ')})` +
          (standIns ? `, nor ${standIns}` : '') +
          (field.datasetValue ? '; the date can also be given for the whole file' : '');
      return { path: 'header', rule: 'required-column', message };
    });
    throw ingestError(
      drifted ? 'ingest-profile-mismatch' : 'ingest-missing-required-column',
      `${table.fileName}: ${issues.map((issue) => issue.message).join('; ')}`,
      issues,
    );
  }
  const boundIndexes = new Set(bound.map((entry) => entry.index));
  const extras: { index: number; header: string }[] = [];
  const used = new Set<string>();
  table.headers.forEach((header, index) => {
    if (boundIndexes.has(index)) return;
    const base = cleanText(header) || `column ${index + 1}`;
    let name = base;
    for (let copy = 2; used.has(name); copy += 1) name = `${base} (${copy})`;
    used.add(name);
    extras.push({ index, header: name });
  });
  return { bound, extras, absentSaved };
}
