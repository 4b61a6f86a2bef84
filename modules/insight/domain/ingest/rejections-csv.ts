import type { Rejection } from './normalise';

/** Cells a spreadsheet would run as a formula; a leading minus before a digit is a number and left alone. */
const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d))/;

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The rejected rows of a file as a CSV a person can download, fix and send
 * back: the line and reason first, then the row's cells under the file's own
 * headers. Cells that a spreadsheet would execute as formulas are defused.
 */
export function rejectionsCsv(headers: readonly string[], rejections: readonly Rejection[]): string {
  const width = Math.max(headers.length, ...rejections.map((rejection) => rejection.raw.length));
  const columns = Array.from({ length: width }, (_, index) => headers[index] ?? `column ${index + 1}`);
  const lines = [['Line', 'Reason', ...columns].map(csvCell).join(',')];
  for (const rejection of rejections) {
    const cells = columns.map((_, index) => rejection.raw[index] ?? '');
    lines.push([String(rejection.line), rejection.reason, ...cells].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
