import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IncomingFile, PreparedDocument } from '../modules/payables';

/**
 * Worker threads that read and validate invoices (`prepareDocument`, pure CPU) while the main
 * thread does the database half of intake (`ingestPrepared`) for the batch before: parsing and
 * validation then use the machine's other cores instead of queueing behind the database work.
 * The workers load the TypeScript source through tsx, so this runs from a checkout (benchmarks).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { tsImport } = await import(workerData.tsx);
  const { prepareDocument } = await tsImport(workerData.module, workerData.parent);
  // The documents go back without their bytes: the main thread has them already, and copying
  // megabytes back across threads costs it time it needs for the database half.
  parentPort.on('message', ({ id, files }) => parentPort.postMessage({
    id,
    prepared: files.map((file) => ({ ...prepareDocument(file), content: null })),
  }));
  parentPort.postMessage({ ready: true });
})();
`;

export type PreparePool = {
  prepare(files: readonly IncomingFile[]): Promise<PreparedDocument[]>;
  close(): Promise<void>;
};

export async function openPreparePool(size: number): Promise<PreparePool> {
  const root = new URL('..', import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const module = new URL('modules/payables/domain/prepare.ts', root).href;
  const pending = new Map<number, (prepared: Omit<PreparedDocument, 'content'>[]) => void>();
  const workers = await Promise.all(
    Array.from(
      { length: size },
      () =>
        new Promise<Worker>((resolve, reject) => {
          const worker = new Worker(WORKER_SOURCE, {
            eval: true,
            workerData: { tsx, module, parent: pathToFileURL(fileURLToPath(root)).href },
          });
          worker.on('error', reject);
          worker.on(
            'message',
            (message: { ready?: true; id?: number; prepared?: Omit<PreparedDocument, 'content'>[] }) => {
              if (message.ready) resolve(worker);
              else if (message.id !== undefined && message.prepared) {
                pending.get(message.id)?.(message.prepared);
                pending.delete(message.id);
              }
            },
          );
        }),
    ),
  );
  let next = 0;
  return {
    prepare(files) {
      const id = next++;
      const worker = workers[id % workers.length]!;
      return new Promise((resolve) => {
        pending.set(id, (prepared) =>
          resolve(prepared.map((document, index) => ({ ...document, content: files[index]!.content }))),
        );
        worker.postMessage({ id, files });
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
