import { createHash } from 'node:crypto';
import { type Finding, readInvoice } from '../../../standards/peppol-ubl';
import { capturedFromUbl } from './from-ubl';
import type { CapturedInvoice } from './invoice';

export type Channel = 'api' | 'web' | 'inbox' | 'cli' | 'manual' | 'demo' | 'bench';

export type IncomingFile = {
  fileName: string;
  content: Uint8Array;
  channel: Channel;
  mediaType?: string;
};

/**
 * A received document after the work that needs no database: its hash, every finding of the
 * EN 16931 and PEPPOL rules, and (when valid) the invoice in exact pence. Plain data that a
 * worker thread can send back, so parsing and validation can run beside the database work.
 */
export type PreparedDocument = {
  fileName: string;
  channel: Channel;
  mediaType: string;
  contentSha256: string;
  content: Uint8Array;
  findings: Finding[];
  documentType: 'Invoice' | 'CreditNote' | null;
  invoice: CapturedInvoice | null;
  /** For the rejection message even when the document is invalid. */
  invoiceNumber: string | null;
  issueDate: string | null;
  sellerName: string | null;
  /** A manual capture names its supplier; an electronic document is matched to one by its identifiers. */
  supplierId: string | null;
};

export const sha256Hex = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

/** Reads, validates against every rule, and converts one document. Never throws. */
export function prepareDocument(file: IncomingFile): PreparedDocument {
  const reading = readInvoice(file.content);
  const base = {
    fileName: file.fileName,
    channel: file.channel,
    mediaType: file.mediaType ?? 'application/xml',
    contentSha256: sha256Hex(file.content),
    content: file.content,
    documentType: reading.documentType ?? null,
    invoiceNumber: reading.invoice?.number?.trim() || null,
    issueDate: reading.invoice?.issueDate?.trim() || null,
    sellerName: reading.invoice?.seller.name?.trim() || null,
    supplierId: null,
  };
  if (!reading.valid || !reading.invoice) return { ...base, findings: [...reading.findings], invoice: null };
  const converted = capturedFromUbl(reading.invoice);
  return converted.ok
    ? { ...base, findings: [...reading.findings], invoice: converted.invoice }
    : { ...base, findings: [...reading.findings, ...converted.findings], invoice: null };
}
