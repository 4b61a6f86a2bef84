/**
 * Measures how many UBL invoices per second one core reads and fully validates (every CEN and
 * PEPPOL rule). Give it documents (e.g. the official examples) or let it generate typical
 * 5- and 10-line invoices. Returns figures; printing is the caller's business.
 */
import { readInvoice } from './read-invoice';
import { writeInvoiceXml } from './writer/invoice-writer';
import { sampleInvoice } from './writer/sample-invoice';

export type BenchDocument = { readonly name: string; readonly bytes: Uint8Array };

export type DocumentFigures = {
  readonly name: string;
  readonly bytes: number;
  readonly valid: boolean;
  /** Mean over the measuring time. */
  readonly microsecondsPerDocument: number;
  readonly documentsPerSecond: number;
  /** The fastest batch of 50, i.e. with the least interference from other work on the machine. */
  readonly bestDocumentsPerSecond: number;
};

export type ValidationBenchFigures = {
  /** Documents per second over the whole set, each document weighted equally (one core, mean). */
  readonly documentsPerSecond: number;
  /** The same from each document's fastest batch. */
  readonly bestDocumentsPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly documents: readonly DocumentFigures[];
  readonly roundsPerDocument: number;
};

export type ValidationBenchOptions = {
  /** Time spent measuring each document, after warming up. */
  readonly millisecondsPerDocument?: number;
};

/** Typical invoices: 5 and 10 lines, as an NHS trust receives them. */
export function typicalInvoices(): BenchDocument[] {
  const encoder = new TextEncoder();
  return [5, 10].map((lines) => ({
    name: `generated ${lines}-line invoice`,
    bytes: encoder.encode(writeInvoiceXml(sampleInvoice({ lines, seed: lines }))),
  }));
}

type Measurement = {
  readonly mean: number;
  readonly best: number;
  readonly rounds: number;
  readonly valid: boolean;
};

/** Milliseconds per document: the mean over `milliseconds` of batches, and the fastest batch. */
function measure(document: BenchDocument, milliseconds: number): Measurement {
  const batch = 50;
  let valid = false;
  for (let warm = 0; warm < 200; warm++) valid = readInvoice(document.bytes).valid;
  let best = Number.POSITIVE_INFINITY;
  let rounds = 0;
  const started = performance.now();
  const end = started + milliseconds;
  while (rounds === 0 || performance.now() < end) {
    const batchStarted = performance.now();
    for (let index = 0; index < batch; index++) readInvoice(document.bytes);
    best = Math.min(best, (performance.now() - batchStarted) / batch);
    rounds += batch;
  }
  return { mean: (performance.now() - started) / rounds, best, rounds, valid };
}

export function benchmarkValidation(
  documents: readonly BenchDocument[] = typicalInvoices(),
  options: ValidationBenchOptions = {},
): ValidationBenchFigures {
  const milliseconds = options.millisecondsPerDocument ?? 1000;
  const measured = documents.map((document) => ({ document, result: measure(document, milliseconds) }));
  const perSecond = (ms: number) => (ms === 0 ? 0 : Math.round(1000 / ms));
  const meanTotal = measured.reduce((total, { result }) => total + result.mean, 0);
  const bestTotal = measured.reduce((total, { result }) => total + result.best, 0);
  const bytes = documents.reduce((total, document) => total + document.bytes.length, 0);
  return {
    documentsPerSecond: perSecond(meanTotal / Math.max(documents.length, 1)),
    bestDocumentsPerSecond: perSecond(bestTotal / Math.max(documents.length, 1)),
    megabytesPerSecond: meanTotal === 0 ? 0 : Math.round((bytes / 1e6 / (meanTotal / 1000)) * 10) / 10,
    documents: measured.map(({ document, result }) => ({
      name: document.name,
      bytes: document.bytes.length,
      valid: result.valid,
      microsecondsPerDocument: Math.round(result.mean * 1000),
      documentsPerSecond: perSecond(result.mean),
      bestDocumentsPerSecond: perSecond(result.best),
    })),
    roundsPerDocument:
      documents.length === 0
        ? 0
        : Math.round(measured.reduce((total, { result }) => total + result.rounds, 0) / documents.length),
  };
}
