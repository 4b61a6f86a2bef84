import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { IncomingFile } from '../domain/prepare';
import type { IngestOutcome } from '../service/ingest';

export const PROCESSED_FOLDER = 'processed';
export const QUARANTINE_FOLDER = 'quarantine';

export type InboxOptions = {
  directory: string;
  /** A file is picked up only once it has not changed for this long (a sender may still be writing it). */
  settleMs?: number;
  /** Documents per transaction. */
  batchSize?: number;
  log?: (line: string) => void;
};

export type InboxResult = { picked: number; accepted: number; quarantined: number; alreadyReceived: number };

/** Temporary names senders write to before renaming: never picked up half-written. */
const IN_PROGRESS = /^\.|\.(part|tmp|partial|crdownload)$/i;

async function settledFiles(directory: string, settleMs: number, now: number): Promise<string[]> {
  const names = (await readdir(directory, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && !IN_PROGRESS.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  // File times come from the kernel's coarse clock and can be a little ahead of Date.now(): no wait means no check.
  if (settleMs <= 0) return names;
  const settled: string[] = [];
  for (const name of names) {
    const info = await stat(join(directory, name)).catch(() => null);
    if (info && now - info.mtimeMs >= settleMs) settled.push(name);
  }
  return settled;
}

/** Moves a file into a subfolder; a name already taken there gets the content hash added, so nothing is overwritten. */
async function moveInto(
  directory: string,
  folder: string,
  name: string,
  content: Uint8Array,
): Promise<string> {
  const target = join(directory, folder);
  await mkdir(target, { recursive: true });
  let destination = join(target, name);
  const existing = await readFile(destination).catch(() => null);
  if (existing) {
    if (Buffer.from(existing).equals(Buffer.from(content))) {
      await rm(join(directory, name));
      return destination;
    }
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
    destination = join(target, `${basename(name, extname(name))}.${hash}${extname(name)}`);
  }
  await rename(join(directory, name), destination);
  return destination;
}

const reasonsText = (outcome: Extract<IngestOutcome, { outcome: 'quarantined' }>) =>
  [
    `Quarantined as ${outcome.quarantineId} (document ${outcome.documentId}, sha256 ${outcome.contentSha256})`,
    '',
    ...outcome.reasons
      .filter((r) => r.severity === 'fatal')
      .map((r) => `${r.rule} at ${r.location}: ${r.message}`),
    '',
    '--- message for the supplier ---',
    outcome.rejection.subject,
    '',
    outcome.rejection.body,
    '',
  ].join('\n');

/**
 * One pass over a watched inbox folder: every settled file is received, then moved to
 * `processed/` (it became an invoice) or `quarantine/` (with a `.reasons.txt` beside it).
 * Receiving is idempotent on the file's hash, so a crash between recording and moving only
 * means the next pass records nothing new and moves the file: nothing is lost or doubled.
 * A file that cannot be read, or a batch the database refuses, stays where it is for the next pass.
 */
export async function processInbox(
  options: InboxOptions,
  receive: (files: IncomingFile[]) => Promise<IngestOutcome[]>,
  now: () => number = Date.now,
): Promise<InboxResult> {
  const { directory } = options;
  const log = options.log ?? (() => undefined);
  const names = await settledFiles(directory, options.settleMs ?? 2_000, now());
  const result: InboxResult = { picked: 0, accepted: 0, quarantined: 0, alreadyReceived: 0 };
  const batchSize = options.batchSize ?? 200;
  for (let start = 0; start < names.length; start += batchSize) {
    const files: IncomingFile[] = [];
    for (const name of names.slice(start, start + batchSize)) {
      try {
        files.push({
          fileName: name,
          content: new Uint8Array(await readFile(join(directory, name))),
          channel: 'inbox',
        });
      } catch (error) {
        log(`could not read ${name}, leaving it for the next pass: ${(error as Error).message}`);
      }
    }
    if (files.length === 0) continue;
    let outcomes: IngestOutcome[];
    try {
      outcomes = await receive(files);
    } catch (error) {
      log(
        `could not record ${files.length} file(s), leaving them for the next pass: ${(error as Error).message}`,
      );
      continue;
    }
    for (const [index, outcome] of outcomes.entries()) {
      const file = files[index]!;
      result.picked += 1;
      if (outcome.alreadyReceived) result.alreadyReceived += 1;
      if (outcome.outcome === 'invoice') {
        result.accepted += 1;
        await moveInto(directory, PROCESSED_FOLDER, file.fileName, file.content);
        log(
          `accepted    ${file.fileName}: ${outcome.invoiceNumber} from ${outcome.supplierName} (${outcome.status})`,
        );
      } else {
        result.quarantined += 1;
        const moved = await moveInto(directory, QUARANTINE_FOLDER, file.fileName, file.content);
        await writeFile(`${moved}.reasons.txt`, reasonsText(outcome));
        const rules = [...new Set(outcome.reasons.filter((r) => r.severity === 'fatal').map((r) => r.rule))];
        log(`QUARANTINED ${file.fileName}: ${rules.join(', ')}`);
      }
    }
  }
  return result;
}

/** Watches the folder until the signal aborts, one pass every `intervalMs`. */
export async function watchInbox(
  options: InboxOptions & { intervalMs: number; signal: AbortSignal },
  receive: (files: IncomingFile[]) => Promise<IngestOutcome[]>,
): Promise<void> {
  await mkdir(options.directory, { recursive: true });
  while (!options.signal.aborted) {
    await processInbox(options, receive);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.intervalMs);
      options.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
