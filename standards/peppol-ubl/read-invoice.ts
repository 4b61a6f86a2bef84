import { hasFatal } from './finding';
import { loadUblDocument } from './load';
import { readEn16931 } from './model/read';
import type { En16931Invoice } from './model/types';
import {
  resolveProfile,
  unexpectedFailure,
  type ValidationOptions,
  type ValidationReport,
  validateUblDocument,
} from './validate';

/** The verdict on a document together with its EN 16931 content (present whenever it could be read as UBL). */
export type InvoiceReading = ValidationReport & { readonly invoice: En16931Invoice | undefined };

/**
 * Reads and validates a UBL Invoice or CreditNote in one pass over the input: the typed
 * EN 16931 model plus every finding. An invalid document is still read so that it can be kept
 * with its reasons; only input that is not UBL at all yields no model. Never throws.
 */
export function readInvoice(input: Uint8Array | string, options: ValidationOptions = {}): InvoiceReading {
  try {
    const loaded = loadUblDocument(input, options.limits);
    if (!loaded.ok) {
      return {
        valid: false,
        profile: undefined,
        documentType: undefined,
        findings: [loaded.finding],
        invoice: undefined,
      };
    }
    const profile = resolveProfile(loaded.document, options.profile);
    const findings = validateUblDocument(loaded.document, profile);
    return {
      valid: !hasFatal(findings),
      profile,
      documentType: loaded.documentType,
      findings,
      invoice: readEn16931(loaded.document),
    };
  } catch (error) {
    return {
      valid: false,
      profile: undefined,
      documentType: undefined,
      findings: [unexpectedFailure(error)],
      invoice: undefined,
    };
  }
}
