export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Encoding labels XML documents use that the platform's decoder knows under another name. */
const labelAliases: Record<string, string> = {
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  latin1: 'iso-8859-1',
  cp1252: 'windows-1252',
};

/**
 * Turns the bytes of an XML document into text, following the XML rules for finding the
 * encoding: a byte order mark first, then the encoding named in the XML declaration, else UTF-8.
 * Bytes that are not valid in that encoding are refused rather than replaced.
 */
export function decodeXmlBytes(bytes: Uint8Array): DecodeResult {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeWith('utf-8', bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  if (b0 === 0x3c && b1 === 0x00) return decodeWith('utf-16le', bytes);
  if (b0 === 0x00 && b1 === 0x3c) return decodeWith('utf-16be', bytes);
  const declared = declaredEncoding(bytes);
  if (declared === undefined) return decodeWith('utf-8', bytes);
  const label = labelAliases[declared] ?? declared;
  if (label === 'utf-16') return decodeWith('utf-16le', bytes);
  return decodeWith(label, bytes);
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  if (!(bytes[0] === 0x3c && bytes[1] === 0x3f)) return undefined;
  let head = '';
  const limit = Math.min(bytes.length, 256);
  for (let index = 0; index < limit; index++) {
    const byte = bytes[index] ?? 0;
    head += String.fromCharCode(byte);
    if (byte === 0x3e) break;
  }
  const match = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head);
  return match?.[1]?.toLowerCase();
}

function decodeWith(label: string, bytes: Uint8Array): DecodeResult {
  if (label === 'utf-8') {
    try {
      return { ok: true, text: utf8.decode(bytes) };
    } catch {
      return { ok: false, reason: 'The bytes are not valid UTF-8 (is it a binary file?).' };
    }
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return { ok: false, reason: `The declared encoding "${label}" is not supported.` };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: `The bytes are not valid ${label}.` };
  }
}
