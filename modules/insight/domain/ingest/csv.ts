/**
 * A CSV reader with the semantics of Python's `csv` module in its default
 * (excel) dialect, which the external checks use to count rows: a field is
 * quoted only when it starts with a quote, "" inside quotes is one quote, text
 * after a closing quote is kept, and CR, LF and CRLF all end a record. It also
 * keeps the physical line on which each record starts (records with quoted
 * line breaks span lines), which csv-parse only offers at a cost that halves
 * its speed.
 */
export type Delimiter = ',' | ';' | '\t' | '|';

export type LineEndings = 'crlf' | 'lf' | 'cr' | 'mixed' | 'none';

export type CsvRecord = { line: number; cells: string[] };

export type CsvParse = {
  records: CsvRecord[];
  delimiter: Delimiter;
  lineEndings: LineEndings;
  /** The line of a record whose opening quote is never closed (it runs to the end of the file). */
  unterminatedQuoteLine: number | null;
};

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/** The delimiter that occurs most often outside quotes in the first line; a comma when none does. */
export function sniffDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>();
  let quoted = false;
  for (let index = 0; index < text.length && index < 65_536; index += 1) {
    const char = text.charAt(index);
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (counts.size > 0) break;
    } else if (!quoted && DELIMITERS.includes(char as Delimiter)) {
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
    }
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code === LF || (code === CR && text.charCodeAt(index + 1) !== LF)) breaks += 1;
  }
  return breaks;
}

export function parseCsv(source: string, delimiter: Delimiter = sniffDelimiter(source)): CsvParse {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const separator = delimiter.charCodeAt(0);
  const length = text.length;
  const records: CsvRecord[] = [];
  const endings = { crlf: 0, lf: 0, cr: 0 };
  let unterminatedQuoteLine: number | null = null;
  let line = 1;
  let index = 0;

  while (index < length) {
    const recordLine = line;
    const cells: string[] = [];
    let code = text.charCodeAt(index);
    if (code !== LF && code !== CR) {
      for (;;) {
        if (text.charCodeAt(index) === QUOTE) {
          index += 1;
          let value = '';
          let segment = index;
          for (;;) {
            const close = text.indexOf('"', index);
            if (close === -1) {
              value += text.slice(segment);
              line += countLineBreaks(text, segment, length);
              unterminatedQuoteLine ??= recordLine;
              index = length;
              break;
            }
            line += countLineBreaks(text, index, close);
            if (text.charCodeAt(close + 1) === QUOTE) {
              value += text.slice(segment, close + 1);
              index = close + 2;
              segment = index;
              continue;
            }
            value += text.slice(segment, close);
            index = close + 1;
            break;
          }
          const tail = index;
          while (index < length) {
            code = text.charCodeAt(index);
            if (code === separator || code === LF || code === CR) break;
            index += 1;
          }
          cells.push(index > tail ? value + text.slice(tail, index) : value);
        } else {
          const start = index;
          while (index < length) {
            code = text.charCodeAt(index);
            if (code === separator || code === LF || code === CR) break;
            index += 1;
          }
          cells.push(text.slice(start, index));
        }
        if (index >= length) break;
        if (text.charCodeAt(index) !== separator) break;
        index += 1;
        if (index >= length) {
          cells.push('');
          break;
        }
      }
    }
    if (index < length) {
      code = text.charCodeAt(index);
      if (code === CR && text.charCodeAt(index + 1) === LF) {
        endings.crlf += 1;
        index += 2;
      } else {
        if (code === CR) endings.cr += 1;
        else endings.lf += 1;
        index += 1;
      }
      line += 1;
    }
    records.push({ line: recordLine, cells });
  }
  const kinds = (['crlf', 'lf', 'cr'] as const).filter((kind) => endings[kind] > 0);
  return {
    records,
    delimiter,
    lineEndings: kinds.length === 0 ? 'none' : kinds.length > 1 ? 'mixed' : (kinds[0] ?? 'none'),
    unterminatedQuoteLine,
  };
}
