/**
 * Keeps one statement in flight on a transaction while the caller prepares
 * the next batch: a statement starts only after the previous one finished
 * (never two at once on one transaction), but the CPU work of reading and
 * normalising the next rows overlaps with the database writing the last ones.
 */
export function queryPipeline() {
  let last: Promise<void> = Promise.resolve();
  return {
    /** Waits for the statement in flight, then starts this one and returns without waiting for it. */
    async send(start: () => Promise<void>): Promise<void> {
      await last;
      last = start();
      // handled here so a failure while the caller is busy is not reported as unhandled; drain() rethrows it
      last.catch(() => undefined);
    },
    async drain(): Promise<void> {
      await last;
    },
  };
}
