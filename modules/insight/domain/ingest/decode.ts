import { isUtf8 } from 'node:buffer';
import { ingestError } from './errors';
import {
  decodeSingleByteRun,
  SINGLE_BYTE_ENCODINGS,
  type SingleByteEncoding,
  scoreReading,
} from './single-byte';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | SingleByteEncoding;

/** One sample of how a run of non-ASCII bytes was read: "96" → "–" on line 12. */
export type DecodedRunSample = { line: number; bytes: string; text: string };

/** How many runs of non-ASCII bytes were read with one encoding, with the first few as samples. */
export type EncodingDecision = { encoding: TextEncoding; runs: number; samples: DecodedRunSample[] };

export type DecodingFlag = {
  line: number;
  kind: 'replacement-character' | 'doubtful-character';
  detail: string;
};

export type Decoding = {
  /** The file's encoding; "mixed" when runs within it had to be read with different encodings. */
  encoding: TextEncoding | 'mixed';
  bom: boolean;
  asciiOnly: boolean;
  /** For files that are not UTF-8/16: how runs of non-ASCII bytes were read, per encoding. */
  decisions: EncodingDecision[];
  /** U+FFFD characters in the text, whether already in the source or put there for undecodable bytes. */
  replacedCharacters: number;
  /** Replaced and doubtful characters with their lines (the first MAX_DECODING_FLAGS of them). */
  flags: DecodingFlag[];
};

export type DecodedText = { text: string; decoding: Decoding };

export const MAX_DECODING_FLAGS = 100;
const MAX_SAMPLES_PER_ENCODING = 10;
/** A run is read with the other encoding only when that reading is clearly more plausible. */
const OVERRIDE_MARGIN = 2;
/** Text in a Latin script has few non-ASCII bytes; above this share it is another script or binary. */
const MAX_HIGH_BYTE_SHARE = 0.3;
/** A few stray control bytes happen (an old ^Z end-of-file mark); more means binary. */
const MAX_CONTROL_CHARACTER_SHARE = 0.01;

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

function isLineBreak(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a);
}

function replacementFlags(text: string): { count: number; flags: DecodingFlag[] } {
  let count = 0;
  const flags: DecodingFlag[] = [];
  let line = 1;
  let scanned = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
    for (; scanned < at; scanned += 1) if (isLineBreak(text, scanned)) line += 1;
    count += 1;
    if (flags.length < MAX_DECODING_FLAGS) {
      flags.push({
        line,
        kind: 'replacement-character',
        detail: 'U+FFFD replacement character: the original character is lost',
      });
    }
  }
  return { count, flags };
}

function unicodeDecoding(
  text: string,
  encoding: TextEncoding,
  bom: boolean,
  asciiOnly: boolean,
): DecodedText {
  const { count, flags } = replacementFlags(text);
  return {
    text,
    decoding: { encoding, bom, asciiOnly, decisions: [], replacedCharacters: count, flags },
  };
}

function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return null;
  let zerosEven = 0;
  let zerosOdd = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) zerosEven += 1;
    if (bytes[index + 1] === 0) zerosOdd += 1;
  }
  const pairs = sample / 2;
  if (zerosOdd > pairs * 0.4 && zerosEven < pairs * 0.05) return 'utf-16le';
  if (zerosEven > pairs * 0.4 && zerosOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  if (encoding === 'utf-16le') return new TextDecoder('utf-16le').decode(bytes);
  const swapped = Buffer.from(bytes);
  swapped.swap16();
  return new TextDecoder('utf-16le').decode(swapped);
}

/** Control characters other than tab, line feed, form feed and carriage return. */
const CONTROL_CHARACTERS = /(?![\t\n\f\r])\p{Cc}/gu;

/** Refuses binary content: NUL bytes, or (for text that is not UTF-8) mostly non-ASCII bytes. */
function assertTextBytes(bytes: Uint8Array, checkHighShare: boolean): void {
  if (bytes.indexOf(0) !== -1) {
    throw ingestError(
      'ingest-unknown-encoding',
      'The file contains NUL bytes: it is binary or in an encoding other than UTF-8, UTF-16, Windows-1252 or Mac Roman',
    );
  }
  if (!checkHighShare) return;
  let high = 0;
  for (const byte of bytes) if (byte >= 0x80) high += 1;
  if (high > bytes.length * MAX_HIGH_BYTE_SHARE) {
    throw ingestError(
      'ingest-unknown-encoding',
      `${Math.round((high / bytes.length) * 100)}% of the bytes are outside ASCII and they are not UTF-8: ` +
        'the file is in an encoding other than UTF-8, UTF-16, Windows-1252 or Mac Roman',
    );
  }
}

/** Binary content shows itself at once, so a leading sample is enough (and keeps large files fast). */
const CONTROL_SAMPLE_CHARACTERS = 1 << 20;

function assertFewControlCharacters(text: string): void {
  const sample = text.length > CONTROL_SAMPLE_CHARACTERS ? text.slice(0, CONTROL_SAMPLE_CHARACTERS) : text;
  const controls = sample.match(CONTROL_CHARACTERS)?.length ?? 0;
  if (controls > sample.length * MAX_CONTROL_CHARACTER_SHARE) {
    throw ingestError(
      'ingest-unknown-encoding',
      `${controls} of the first ${sample.length} characters are control characters: the file is binary or in an unrecognised encoding`,
    );
  }
}

type HighRun = {
  start: number;
  end: number;
  line: number;
  utf8: boolean;
  readings: Record<SingleByteEncoding, { text: string; score: number }>;
};

function findHighRuns(bytes: Uint8Array): HighRun[] {
  const runs: HighRun[] = [];
  let line = 1;
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x80) {
      if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) line += 1;
      index += 1;
      continue;
    }
    const start = index;
    while (index < bytes.length && (bytes[index] ?? 0) >= 0x80) index += 1;
    const run = bytes.subarray(start, index);
    const previous = start > 0 ? String.fromCharCode(bytes[start - 1] ?? 0) : undefined;
    const next = index < bytes.length ? String.fromCharCode(bytes[index] ?? 0) : undefined;
    const reading = (encoding: SingleByteEncoding) => {
      const text = decodeSingleByteRun(run, encoding);
      return { text, score: scoreReading(text, previous, next) };
    };
    runs.push({
      start,
      end: index,
      line,
      utf8: run.length > 1 && isUtf8(run),
      readings: { 'windows-1252': reading('windows-1252'), macintosh: reading('macintosh') },
    });
  }
  return runs;
}

/**
 * Reads bytes that are not valid UTF-8 as Windows-1252 or Mac Roman, deciding
 * per run of non-ASCII bytes (so per field) where the two disagree, and reading
 * embedded UTF-8 sequences (a line pasted from another system) as UTF-8.
 */
function decodeLegacy(bytes: Uint8Array): DecodedText {
  assertTextBytes(bytes, true);
  const runs = findHighRuns(bytes);
  const totals: Record<SingleByteEncoding, number> = { 'windows-1252': 0, macintosh: 0 };
  for (const run of runs) {
    if (run.utf8) continue;
    for (const encoding of SINGLE_BYTE_ENCODINGS) totals[encoding] += run.readings[encoding].score;
  }
  const main: SingleByteEncoding = totals.macintosh > totals['windows-1252'] ? 'macintosh' : 'windows-1252';
  const other: SingleByteEncoding = main === 'macintosh' ? 'windows-1252' : 'macintosh';

  const decisions = new Map<TextEncoding, EncodingDecision>();
  const flags: DecodingFlag[] = [];
  const pieces: string[] = [];
  let position = 0;
  for (const run of runs) {
    pieces.push(
      Buffer.from(bytes.buffer, bytes.byteOffset + position, run.start - position).toString('latin1'),
    );
    const runBytes = bytes.subarray(run.start, run.end);
    let encoding: TextEncoding;
    let text: string;
    if (run.utf8) {
      encoding = 'utf-8';
      text = Buffer.from(runBytes).toString('utf8');
    } else {
      encoding = run.readings[other].score >= run.readings[main].score + OVERRIDE_MARGIN ? other : main;
      text = run.readings[encoding].text;
      if (run.readings[encoding].score < 0 && flags.length < MAX_DECODING_FLAGS) {
        flags.push({
          line: run.line,
          kind: 'doubtful-character',
          detail: `bytes ${hex(runBytes)} read as "${text}" (${encoding}), but no reading is plausible here`,
        });
      }
    }
    pieces.push(text);
    const decision = decisions.get(encoding) ?? { encoding, runs: 0, samples: [] };
    decision.runs += 1;
    if (decision.samples.length < MAX_SAMPLES_PER_ENCODING) {
      decision.samples.push({ line: run.line, bytes: hex(runBytes), text });
    }
    decisions.set(encoding, decision);
    position = run.end;
  }
  pieces.push(
    Buffer.from(bytes.buffer, bytes.byteOffset + position, bytes.length - position).toString('latin1'),
  );
  const text = pieces.join('');
  assertFewControlCharacters(text);
  const replaced = replacementFlags(text);
  const encodings = [...decisions.keys()];
  return {
    text,
    decoding: {
      encoding: encodings.length > 1 ? 'mixed' : (encodings[0] ?? main),
      bom: false,
      asciiOnly: false,
      decisions: [...decisions.values()],
      replacedCharacters: replaced.count,
      flags: [...flags, ...replaced.flags].slice(0, MAX_DECODING_FLAGS),
    },
  };
}

/**
 * Bytes to text for legacy extracts: UTF-8 (with or without a byte-order
 * mark), UTF-16 (with a BOM, or recognised by its zero bytes), and otherwise
 * Windows-1252 / Mac Roman decided run by run. Refuses binary content and
 * other encodings with `ingest-unknown-encoding` rather than guessing.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    if (!isUtf8(body)) {
      const decoded = decodeLegacy(body);
      return { text: decoded.text, decoding: { ...decoded.decoding, bom: true } };
    }
    const text = Buffer.from(body).toString('utf8');
    assertTextBytes(body, false);
    assertFewControlCharacters(text);
    return unicodeDecoding(text, 'utf-8', true, text.length === body.length);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) {
    return unicodeDecoding(decodeUtf16(bytes.subarray(2), 'utf-16le'), 'utf-16le', true, false);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return unicodeDecoding(decodeUtf16(bytes.subarray(2), 'utf-16be'), 'utf-16be', true, false);
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return unicodeDecoding(decodeUtf16(bytes, utf16), utf16, false, false);
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes).toString('utf8');
    assertTextBytes(bytes, false);
    assertFewControlCharacters(text);
    return unicodeDecoding(text, 'utf-8', false, text.length === bytes.length);
  }
  return decodeLegacy(bytes);
}
